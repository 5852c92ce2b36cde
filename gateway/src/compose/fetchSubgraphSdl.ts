import { signInternalHeaders } from '@bff/kit';

import type { SubgraphEntry } from '../registry/subgraphRegistry';

/** A subgraph could not be reached or did not give its SDL. */
export class SubgraphSdlError extends Error {
  override readonly name = 'SubgraphSdlError';
}

const SERVICE_SDL_QUERY = 'query SubgraphServiceSdl { _service { sdl } }';

/** Asks a federation subgraph for its SDL (`_service { sdl }`). */
export async function fetchSubgraphSdl(
  entry: SubgraphEntry,
  options: { timeoutMs?: number; headers?: Record<string, string> } = {},
): Promise<string> {
  let response: Response;
  const body = JSON.stringify({ query: SERVICE_SDL_QUERY });
  try {
    response = await fetch(entry.url, {
      method: 'POST',
      // Subgraphs answer only signed calls, `_service` included.
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(await signInternalHeaders(body, null, 'gateway-introspection')),
        ...options.headers,
      },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
    });
  } catch (error) {
    throw new SubgraphSdlError(`subgraph "${entry.name}" at ${entry.url} is unreachable (${(error as Error).message})`, {
      cause: error,
    });
  }
  const text = await response.text();
  let sdl: unknown;
  try {
    sdl = (JSON.parse(text) as { data?: { _service?: { sdl?: unknown } } }).data?._service?.sdl;
  } catch {
    // Not JSON: reported below with the status.
  }
  if (!response.ok || typeof sdl !== 'string') {
    throw new SubgraphSdlError(
      `subgraph "${entry.name}" at ${entry.url} did not return its SDL (HTTP ${response.status}: ${text.slice(0, 200)})`,
    );
  }
  return sdl;
}
