import type { TypedDocumentString } from '../gql/graphql';
import type { ClientErrorCode } from './errorCodes';
import { type Attempt, IDEMPOTENCY_HEADER, isRetryableAnswer, newIdempotencyKey, retrying } from './mutationRetry';
import { getToken, setToken } from './token';

/** The gateway: the only server this app talks to. */
export const GATEWAY_URL = import.meta.env.VITE_GATEWAY_URL || 'http://localhost:4000/graphql';

/** What some errors carry besides their code, from their `extensions`. */
export interface ErrorDetails {
  /** The service that failed, for the gateway's SUBGRAPH_* codes. */
  subgraph?: string;
  /** How long to wait before trying again, for TOO_MANY_REQUESTS. */
  retryAfterSeconds?: number;
}

/**
 * A request that failed: `code` is the GraphQL `extensions.code` (or one of ours, e.g. NETWORK_ERROR);
 * a code newer than this app is kept as it came.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ClientErrorCode | (string & {}),
    message: string,
    /** The HTTP status; 0 when no response arrived. */
    readonly status: number,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }
}

/** Any failure as an ApiError, so the UI has one kind of error to show. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('CLIENT_ERROR', error instanceof Error ? error.message : String(error), 0);
}

interface GraphQLError extends ErrorDetails {
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
    const extensions = isRecord(error) && isRecord(error.extensions) ? error.extensions : {};
    return {
      message,
      code: typeof extensions.code === 'string' ? extensions.code : undefined,
      subgraph: typeof extensions.subgraph === 'string' ? extensions.subgraph : undefined,
      retryAfterSeconds: typeof extensions.retryAfterSeconds === 'number' ? extensions.retryAfterSeconds : undefined,
    };
  });
}

const toError = ({ code, message, subgraph, retryAfterSeconds }: GraphQLError, status: number) =>
  new ApiError(code ?? 'UNKNOWN_ERROR', message, status, { subgraph, retryAfterSeconds });

async function post(query: string, variables: unknown, token: string | null, idempotencyKey?: string): Promise<Reply> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (idempotencyKey !== undefined) headers[IDEMPOTENCY_HEADER] = idempotencyKey;
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

/** A mutation attempt worth repeating with its key: no answer at all, or one that leaves the outcome open. */
function mutationRetryable(outcome: Attempt<Reply>): boolean {
  if ('error' in outcome) return outcome.error instanceof ApiError && outcome.error.code === 'NETWORK_ERROR';
  const { status, data, errors } = outcome.answer;
  return isRetryableAnswer({ status, hasData: data !== undefined && data !== null, errorCodes: errors.map((error) => error.code) });
}

/**
 * Sends a query once; a mutation with a fresh idempotency key (this call is one user
 * action), retried with that same key while the answer leaves its outcome open.
 */
function sender(query: string, variables: unknown): (token: string | null) => Promise<Reply> {
  if (!/^\s*mutation\b/m.test(query)) return (token) => post(query, variables, token);
  const idempotencyKey = newIdempotencyKey();
  return (token) => retrying(() => post(query, variables, token, idempotencyKey), mutationRetryable);
}

/** A non-2xx answer without a GraphQL error in it (e.g. from API Gateway itself). */
function httpError(status: number): ApiError {
  if (status === 429) return new ApiError('TOO_MANY_REQUESTS', 'Too many requests.', status);
  if (status >= 500) return new ApiError('SERVICE_UNAVAILABLE', `The server answered ${status}.`, status);
  return new ApiError(`HTTP_${status}`, `The server answered ${status}.`, status);
}

/** The data of an answer, and the errors that came with it (fields that failed are null in the data). */
export interface PartialResult<R> {
  data: R;
  errors: ApiError[];
}

/**
 * Runs one of the generated operations against the gateway, sending its text exactly as
 * generated; a mutation carries an Idempotency-Key and is retried with it (see mutationRetry.ts).
 * Returns the data with the errors that came with it: when a service is down the gateway answers
 * what the others gave, its fields null (e.g. an article's comments), and an error naming it.
 * Throws an ApiError when there is no data at all.
 */
export async function executeWithErrors<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<PartialResult<R>> {
  const send = sender(document.toString(), variables);
  const token = getToken();
  let reply = await send(token);
  // A 401 means the gateway refused the token itself (expired or invalid) before running anything:
  // forget it, and ask again as a visitor so that pages anyone may see still load.
  if (token !== null && reply.status === 401 && reply.errors[0]?.code === 'UNAUTHENTICATED') {
    if (getToken() === token) setToken(null);
    reply = await send(null);
  }
  const status = reply.status;
  if (reply.data !== undefined && reply.data !== null) {
    // The generated types describe what the gateway answers for this document.
    return { data: reply.data as R, errors: reply.errors.map((error) => toError(error, status)) };
  }
  const first = reply.errors[0];
  if (first) throw toError(first, status);
  if (status < 200 || status >= 300) throw httpError(status);
  throw new ApiError('BAD_RESPONSE', 'The server sent an answer that is not GraphQL.', status);
}

/** `executeWithErrors` for callers that need only the data (fields that failed are null in it). */
export async function execute<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
  return (await executeWithErrors(document, variables)).data;
}
