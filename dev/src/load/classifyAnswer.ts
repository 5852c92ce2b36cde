/** full: data and no errors; partial: data with errors (a service failed, the rest answered); error: no data. */
export type AnswerOutcome = 'full' | 'partial' | 'error';

export interface ClassifiedAnswer {
  outcome: AnswerOutcome;
  /** `OK` for a full answer, else its distinct error codes joined by ` + `: each answer has one key. */
  key: string;
  /** Every error's `extensions.code`, repeats included. */
  codes: string[];
  /** For a failed mutation, whether the gateway says it may have been applied (`extensions.outcome`: `not_applied` or `unknown`). */
  writeOutcome?: string;
  data: Record<string, unknown> | null;
}

/** Keys for answers that carry no GraphQL error to name them. */
export const NO_CODE = 'NO_CODE';
export const NOT_GRAPHQL = 'NOT_GRAPHQL';
export const NETWORK_ERROR = 'NETWORK_ERROR';
export const CLIENT_TIMEOUT = 'CLIENT_TIMEOUT';

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { extensions?: { code?: unknown; outcome?: unknown } }[];
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
  const codes = errors.map((error) => (typeof error.extensions?.code === 'string' ? error.extensions.code : NO_CODE));
  const data = typeof body.data === 'object' && body.data !== null ? body.data : null;
  const outcome: AnswerOutcome = data === null ? 'error' : codes.length ? 'partial' : 'full';
  const key = outcome === 'full' ? 'OK' : codes.length ? [...new Set(codes)].sort().join(' + ') : NO_CODE;
  const writeOutcome = errors.map((error) => error.extensions?.outcome).find((value): value is string => typeof value === 'string');
  return { outcome, key, codes, data, ...(writeOutcome && { writeOutcome }) };
}

/** An answer that never came: the connection failed, or the client gave up waiting. */
export function failure(key: string): ClassifiedAnswer {
  return { outcome: 'error', key, codes: [key], data: null };
}
