import { SubgraphError, type SubgraphClient } from '@bff/kit/client';

import type { SubgraphEntry } from '../registry/subgraphRegistry';
import { GATEWAY_IDENTITY } from '../upstream/subgraphFetch';

/** A subgraph could not be reached or did not give its SDL. */
export class SubgraphSdlError extends Error {
  override readonly name = 'SubgraphSdlError';
}

const SERVICE_SDL_BODY = JSON.stringify({ query: 'query SubgraphServiceSdl { _service { sdl } }' });

/**
 * Asks a federation subgraph for its SDL (`_service { sdl }`) through the
 * subgraph client, so that it is signed (SigV4 included), timed out, retried
 * and logged as every other call to that subgraph is.
 */
export async function fetchSubgraphSdl(entry: SubgraphEntry, client: SubgraphClient): Promise<string> {
  let text: string;
  let status: number;
  try {
    ({ text, status } = await client.request({ url: entry.url, body: SERVICE_SDL_BODY, kind: 'query', identity: { ...GATEWAY_IDENTITY, requestId: 'gateway-introspection' } }));
  } catch (error) {
    const reason = error instanceof SubgraphError ? error.reason : (error as Error).message;
    throw new SubgraphSdlError(`subgraph "${entry.name}" at ${entry.url} is unreachable (${reason})`, { cause: error });
  }
  let sdl: unknown;
  try {
    sdl = (JSON.parse(text) as { data?: { _service?: { sdl?: unknown } } }).data?._service?.sdl;
  } catch {
    // Not JSON: reported below with the status.
  }
  if (status !== 200 || typeof sdl !== 'string') {
    throw new SubgraphSdlError(`subgraph "${entry.name}" at ${entry.url} did not return its SDL (HTTP ${status}: ${text.slice(0, 200)})`);
  }
  return sdl;
}
