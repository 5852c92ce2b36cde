/**
 * Every `extensions.code` the system answers with: the services, the gateway, and
 * Apollo Server's own. Clients branch on these, so a code is part of the API:
 * add one here before emitting it, and never rename one. Pure data, no imports:
 * the frontend imports the type alone (`import type { ErrorCode } from '@bff/kit/errors'`).
 */
export const ErrorCode = {
  /** The input is wrong; the message is written for the user. HTTP 400 when refused before execution. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** No token, a bad or expired one, or (between parts) a call the gateway did not sign. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The caller is known but the thing is not theirs. */
  FORBIDDEN: 'FORBIDDEN',
  /** There is no such thing (or no GraphQL IDE in this build). */
  NOT_FOUND: 'NOT_FOUND',
  /** A service this one needs did not answer; nothing was written (`outcome: "not_applied"`). */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** Over a limit; `retryAfterSeconds` says when trying again is worth it. */
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  /** A request with this idempotency key is still running; send it again with the same key in a moment. */
  REQUEST_IN_PROGRESS: 'REQUEST_IN_PROGRESS',
  /** A Lambda's settings or secrets are missing or wrong: it refuses every request (503) until fixed. */
  SERVICE_MISCONFIGURED: 'SERVICE_MISCONFIGURED',
  /** The gateway could not reach a subgraph, or it answered with a failure; `subgraph` names it. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** A subgraph did not answer in time; a mutation's `outcome` may be "unknown". */
  SUBGRAPH_TIMEOUT: 'SUBGRAPH_TIMEOUT',
  /** Too many calls to this subgraph were waiting: this one was shed without being sent. */
  SUBGRAPH_OVERLOADED: 'SUBGRAPH_OVERLOADED',
  /** The gateway has no schema yet: its subgraphs could not be loaded (503). */
  GATEWAY_NOT_READY: 'GATEWAY_NOT_READY',
  /** The gateway has too many requests in flight and queued: this one was refused unrun (503). */
  GATEWAY_OVERLOADED: 'GATEWAY_OVERLOADED',
  /** The request body is over the gateway's size limit (413). */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** The operation's estimated cost is over the gateway's limit; `cost` and `maxCost` say by how much. */
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  /** The gateway accepts only the frontend's registered operations, and this is not one (403). */
  OPERATION_NOT_TRUSTED: 'OPERATION_NOT_TRUSTED',
  /** The request is not a GraphQL request this server takes (Apollo Server; also @defer/@stream). */
  BAD_REQUEST: 'BAD_REQUEST',
  /** The document is not valid GraphQL syntax (Apollo Server). */
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  /** The document does not fit the schema, or is over a depth, alias or root-field limit. */
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  /** An automatic persisted query's hash is unknown: the client sends the full document (Apollo Server). */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** Persisted queries are off on this server (Apollo Server). */
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
  /** The operation to run cannot be chosen from the document and `operationName` (Apollo Server). */
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  /** Anything else: masked, with a `requestId` to find the full error in the log. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes whose message is written for the client and is shown as it is; any other uncoded error is masked. */
export const CLIENT_ERROR_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  ErrorCode.GRAPHQL_PARSE_FAILED,
  ErrorCode.GRAPHQL_VALIDATION_FAILED,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.BAD_REQUEST,
  ErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ErrorCode.OPERATION_RESOLUTION_FAILURE,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.TOO_MANY_REQUESTS,
  ErrorCode.REQUEST_IN_PROGRESS,
]);
