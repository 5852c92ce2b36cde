import type { TypedDocumentString } from '../gql/graphql';
import { getToken, setToken } from './token';

/** The gateway: the only server this app talks to. */
export const GATEWAY_URL = import.meta.env.VITE_GATEWAY_URL || 'http://localhost:4000/graphql';

/** A request that failed: `code` is the GraphQL `extensions.code` (or one of ours, e.g. NETWORK_ERROR). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: string,
    message: string,
    /** The HTTP status; 0 when no response arrived. */
    readonly status: number,
  ) {
    super(message);
  }
}

/** Any failure as an ApiError, so the UI has one kind of error to show. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('CLIENT_ERROR', error instanceof Error ? error.message : String(error), 0);
}

interface GraphQLError {
  message: string;
  code: string | undefined;
}

interface Reply {
  status: number;
  data: unknown;
  errors: GraphQLError[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads the errors of a GraphQL response body, whatever shape it has. */
function readErrors(body: unknown): GraphQLError[] {
  if (!isRecord(body) || !Array.isArray(body.errors)) return [];
  return body.errors.map((error: unknown) => {
    const message = isRecord(error) && typeof error.message === 'string' ? error.message : 'Unknown error';
    const code = isRecord(error) && isRecord(error.extensions) && typeof error.extensions.code === 'string' ? error.extensions.code : undefined;
    return { message, code };
  });
}

async function post(query: string, variables: unknown, token: string | null): Promise<Reply> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(GATEWAY_URL, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch (error) {
    throw new ApiError('NETWORK_ERROR', error instanceof Error ? error.message : String(error), 0);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  return { status: response.status, data: isRecord(body) ? body.data : undefined, errors: readErrors(body) };
}

/** A non-2xx answer without a GraphQL error in it (e.g. from API Gateway itself). */
function httpError(status: number): ApiError {
  if (status === 429) return new ApiError('TOO_MANY_REQUESTS', 'Too many requests.', status);
  if (status >= 500) return new ApiError('SERVICE_UNAVAILABLE', `The server answered ${status}.`, status);
  return new ApiError(`HTTP_${status}`, `The server answered ${status}.`, status);
}

/**
 * Runs one of the generated operations against the gateway, sending its text exactly as
 * generated. Returns the data, even when some fields failed (they come back null, e.g. the
 * comments of an article while that service is down); throws an ApiError when there is no data.
 */
export async function execute<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
  const query = document.toString();
  const token = getToken();
  let reply = await post(query, variables, token);
  // A 401 means the gateway refused the token itself (expired or invalid) before running anything:
  // forget it, and ask again as a visitor so that pages anyone may see still load.
  if (token !== null && reply.status === 401 && reply.errors[0]?.code === 'UNAUTHENTICATED') {
    if (getToken() === token) setToken(null);
    reply = await post(query, variables, null);
  }
  if (reply.data !== undefined && reply.data !== null) {
    // The generated types describe what the gateway answers for this document.
    return reply.data as R;
  }
  const first = reply.errors[0];
  if (first) throw new ApiError(first.code ?? 'UNKNOWN_ERROR', first.message, reply.status);
  if (reply.status < 200 || reply.status >= 300) throw httpError(reply.status);
  throw new ApiError('BAD_RESPONSE', 'The server sent an answer that is not GraphQL.', reply.status);
}
