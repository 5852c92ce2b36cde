/** full: data and no errors; partial: data with errors (a service failed, the rest answered); error: no data. */
export type AnswerOutcome = 'full' | 'partial' | 'error';

export interface ClassifiedAnswer {
  outcome: AnswerOutcome;
  /** `OK` for a full answer, else its distinct error codes joined by ` + `: each answer has one key. */
  key: string;
  /** Every error's `extensions.code`, repeats included. */
  codes: string[];
  /** For a failed mutation, whether it may have been applied (`extensions.outcome`: `not_applied` or `unknown`). */
  writeOutcome?: string;
  /** Some error says that sending the same request again (with its key) is safe and worth it (`extensions.retryable`). */
  retryable?: boolean;
  /** The longest `extensions.retryAfterSeconds` of its errors, in ms: when trying again is worth it. */
  retryAfterMs?: number;
  data: Record<string, unknown> | null;
}

/** Keys for answers that carry no GraphQL error to name them. */
export const NO_CODE = 'NO_CODE';
export const NOT_GRAPHQL = 'NOT_GRAPHQL';
export const NETWORK_ERROR = 'NETWORK_ERROR';
export const CLIENT_TIMEOUT = 'CLIENT_TIMEOUT';

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { extensions?: { code?: unknown; outcome?: unknown; retryable?: unknown; retryAfterSeconds?: unknown } }[];
}

/** Sorts a GraphQL answer (its body's text) into full, partial or error, and names it by its error codes. */
export function classifyAnswer(text: string): ClassifiedAnswer {
  let body: GraphQLBody;
  try {
    body = JSON.parse(text) as GraphQLBody;
  } catch {
    return failure(NOT_GRAPHQL);
  }
  if (typeof body !== 'object' || body === null) return failure(NOT_GRAPHQL);
  const errors = Array.isArray(body.errors) ? body.errors : [];
  const extensions = errors.map((error) => error.extensions ?? {});
  const codes = extensions.map(({ code }) => (typeof code === 'string' ? code : NO_CODE));
  const data = typeof body.data === 'object' && body.data !== null ? body.data : null;
  const outcome: AnswerOutcome = data === null ? 'error' : codes.length ? 'partial' : 'full';
  const key = outcome === 'full' ? 'OK' : codes.length ? [...new Set(codes)].sort().join(' + ') : NO_CODE;
  const writeOutcome = extensions.map((extension) => extension.outcome).find((value): value is string => typeof value === 'string');
  const retryable = extensions.some((extension) => extension.retryable === true);
  const retryAfterSeconds = extensions.map((extension) => extension.retryAfterSeconds).filter((value): value is number => typeof value === 'number');
  return {
    outcome,
    key,
    codes,
    data,
    ...(writeOutcome && { writeOutcome }),
    ...(retryable && { retryable }),
    ...(retryAfterSeconds.length && { retryAfterMs: Math.max(...retryAfterSeconds) * 1000 }),
  };
}

/** An answer that never came: the connection failed, or the client gave up waiting. */
export function failure(key: string, writeOutcome?: string): ClassifiedAnswer {
  return { outcome: 'error', key, codes: [key], data: null, ...(writeOutcome && { writeOutcome }) };
}
