import {
  BrokenCircuitError,
  BulkheadRejectedError,
  bulkhead,
  circuitBreaker,
  ExponentialBackoff,
  handleWhen,
  type IPolicy,
  retry,
  SamplingBreaker,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import { Agent, type Dispatcher, request as undiciRequest } from 'undici';

import type { Caller } from '../auth/accessToken';
import { ErrorCode } from '../catalogue/errorCodes';
import { type InternalCall, signInternalCall, INTERNAL_HEADER } from '../auth/internalSignature';
import type { Secrets } from '../auth/secrets';
import { signedForIam } from '../aws/signedForIam';
import type { Logger } from '../logger';
import { CORRELATION_HEADER } from '../requestContext';
import type { OperationKind } from './operationKind';
import { retryAfterMs } from './retryAfter';
import type { SubgraphClientSettings } from './subgraphClientSettings';
import {
  SubgraphCircuitOpenError,
  SubgraphError,
  SubgraphOverloadedError,
  SubgraphTimeoutError,
  SubgraphUnavailableError,
} from './subgraphErrors';

/** On whose behalf a call is made: signed into every attempt. */
export interface CallIdentity {
  caller: Caller | null;
  requestId: string;
  correlationId: string;
  /** The frontend client's address, for limits the subgraph keeps per address. */
  sourceIp?: string;
  /** The frontend's Idempotency-Key: signed into mutation calls, and makes them safe to retry. */
  idempotencyKey?: string;
}

export interface SubgraphRequest {
  url: string;
  /** The GraphQL request as JSON, sent as it is. */
  body: string;
  kind: OperationKind;
  identity: CallIdentity;
}

/** What the subgraph answered (any status below 500 other than 429: GraphQL errors are answers). */
export interface SubgraphAnswer {
  status: number;
  contentType: string;
  text: string;
}

export interface SubgraphClientOptions {
  /** The subgraph's name: in errors, log lines and metrics. */
  subgraph: string;
  settings: SubgraphClientSettings;
  logger: Logger;
  /** SigV4-sign each attempt (the subgraph APIs use IAM authorization in AWS). */
  iamSigning: boolean;
  /** The region of the subgraph APIs, for SigV4 (`RuntimeSettings.awsRegion`). */
  awsRegion?: string;
  /** The internal signing key's source. */
  secrets: Pick<Secrets, 'authSecrets'>;
  /** Connections to use; one shared keep-alive pool by default. */
  dispatcher?: Dispatcher;
}

// Keep-alive connections, closed after 4 s idle: below the 5 s of Node's HTTP server
// (the local adapter), so a request never goes out on a socket the subgraph is closing.
let sharedAgent: Agent | undefined;
const defaultDispatcher = () => (sharedAgent ??= new Agent({ keepAliveTimeout: 4_000, keepAliveMaxTimeout: 60_000, connections: 256 }));

// Errors raised before a byte was written: the call cannot have reached the subgraph.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
const TRANSIENT_STATUS = new Set([502, 503, 504]);

function lowLevelReason(error: unknown): { reason: string; code?: string } {
  const err = error as Error & { code?: string; cause?: Error & { code?: string } };
  const code = err.code ?? err.cause?.code;
  return { reason: [code, err.cause?.message ?? err.message].filter(Boolean).join(': '), code };
}

/**
 * Calls one subgraph on behalf of a request, for the gateway and for services
 * that call each other alike. Each call:
 * - waits for one of `concurrency` slots in a bounded queue (cockatiel bulkhead),
 *   and is shed at once with SUBGRAPH_OVERLOADED when the queue is full;
 * - goes through a circuit breaker that opens on a failure *ratio* over a
 *   sliding window with a minimum of calls (cockatiel SamplingBreaker), counting
 *   only calls that were sent and failed (5xx, connection errors, timeouts);
 * - retries queries, and mutations that carry an idempotency key, after
 *   transient failures, with exponential backoff and jitter, honouring a 429's
 *   Retry-After; a mutation without a key is never retried;
 * - signs every attempt afresh (new time and nonce for the internal signature,
 *   SigV4 when enabled), so a retry is never refused as a replay;
 * - has one time limit over all of that (cockatiel timeout);
 * - logs one line: subgraph, outcome, attempts, status, duration, correlation id.
 * Failures are thrown as SubgraphError subclasses that name the service only.
 */
export class SubgraphClient {
  readonly subgraph: string;
  private readonly settings: SubgraphClientSettings;
  private readonly logger: Logger;
  private readonly dispatcher: Dispatcher;
  private readonly queries: IPolicy;
  private readonly mutations: IPolicy;
  private readonly breaker: ReturnType<typeof circuitBreaker>;
  /** Until when the subgraph asked (429 Retry-After) not to be called. */
  private pausedUntil = 0;

  constructor(private readonly options: SubgraphClientOptions) {
    this.subgraph = options.subgraph;
    this.settings = options.settings;
    this.logger = options.logger;
    this.dispatcher = options.dispatcher ?? defaultDispatcher();
    const { settings } = this;

    // Not aborted on a normal return: that would build a DOMException for every call, and nothing listens then.
    const deadline = timeout(settings.timeoutMs, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false });
    const slots = bulkhead(settings.concurrency, settings.queue);
    this.breaker = circuitBreaker(
      handleWhen((error) => error instanceof SubgraphUnavailableError || (error instanceof SubgraphTimeoutError && error.sent)),
      {
        halfOpenAfter: settings.breakerResetMs,
        breaker: new SamplingBreaker({
          threshold: settings.breakerThreshold,
          duration: settings.breakerWindowMs,
          // cockatiel asks for a rate; we think in calls per window.
          minimumRps: settings.breakerMinCalls / (settings.breakerWindowMs / 1000),
        }),
      },
    );
    this.breaker.onBreak(() => this.logger.warn('Circuit opened', { subgraph: this.subgraph }));
    // Both transitions at warn: an operator reading warnings sees an outage end as well as begin.
    this.breaker.onReset(() => this.logger.warn('Circuit closed', { subgraph: this.subgraph }));
    const retries = retry(
      handleWhen(
        (error) =>
          (error instanceof SubgraphUnavailableError && error.transient) || (error instanceof SubgraphOverloadedError && error.sent),
      ),
      { maxAttempts: settings.retries, backoff: new ExponentialBackoff({ initialDelay: settings.backoffMs, maxDelay: settings.timeoutMs }) },
    );
    // Outermost first: one deadline over everything, then a slot, then the breaker, then (queries) retries.
    this.queries = wrap(deadline, slots, this.breaker, retries);
    this.mutations = wrap(deadline, slots, this.breaker);
  }

  /** Sends one GraphQL request; throws a SubgraphError when the subgraph could not answer it. */
  async request(request: SubgraphRequest): Promise<SubgraphAnswer> {
    const started = performance.now();
    const deadline = Date.now() + this.settings.timeoutMs;
    let attempts = 0;
    let status: number | undefined;
    let mayHaveApplied = false;
    const attempt = async ({ signal }: { signal: AbortSignal }): Promise<SubgraphAnswer> => {
      attempts++;
      await this.waitOutPause(deadline);
      try {
        const answer = await this.send(request, signal);
        status = answer.status;
        return answer;
      } catch (error) {
        // Remembered across retries: a refused retry does not undo an earlier attempt that got through.
        if (error instanceof SubgraphError && error.outcome() === 'unknown') mayHaveApplied = true;
        throw error;
      }
    };
    try {
      // A signal of the call's own: cockatiel's default is one shared never-aborted signal that every call would hang a listener on.
      const answer = await this.policyFor(request).execute(attempt, new AbortController().signal);
      this.log('ok', request, started, attempts, { status });
      return answer;
    } catch (raw) {
      const error = this.asSubgraphError(raw, attempts > 0);
      error.earlierAttemptMayHaveApplied = mayHaveApplied;
      this.log(error.code === ErrorCode.SUBGRAPH_TIMEOUT ? 'timeout' : raw instanceof BrokenCircuitError ? 'circuit-open' : error.code === ErrorCode.SUBGRAPH_OVERLOADED ? 'shed' : 'unavailable', request, started, attempts, {
        status,
        reason: error.reason,
      });
      throw error;
    }
  }

  /**
   * A mutation may have been applied by an attempt that failed on the way back
   * (a 503 after the work, a dropped connection): sent again, it would be applied
   * twice. With an idempotency key the subgraph answers a repeat with the first
   * result, so such a mutation may be retried like a query; without one, never.
   */
  private policyFor({ kind, identity }: SubgraphRequest): IPolicy {
    return kind === 'mutation' && identity.idempotencyKey === undefined ? this.mutations : this.queries;
  }

  private async send(request: SubgraphRequest, signal: AbortSignal): Promise<SubgraphAnswer> {
    const headers = await this.headersFor(request);
    let response: Dispatcher.ResponseData;
    let text: string;
    try {
      response = await undiciRequest(request.url, { method: 'POST', headers, body: request.body, dispatcher: this.dispatcher, signal });
      text = await response.body.text();
    } catch (error) {
      if (signal.aborted) throw new SubgraphTimeoutError(this.subgraph, `no answer in ${this.settings.timeoutMs} ms`, true, { cause: error });
      const { reason, code } = lowLevelReason(error);
      throw new SubgraphUnavailableError(this.subgraph, reason, true, !NOT_SENT_CODES.has(code ?? ''), { cause: error });
    }
    const { statusCode } = response;
    if (statusCode === 429) {
      const wait = retryAfterMs(response.headers['retry-after']);
      if (wait !== undefined) this.pausedUntil = Math.max(this.pausedUntil, Date.now() + wait);
      throw new SubgraphOverloadedError(this.subgraph, `HTTP 429${wait === undefined ? '' : `, Retry-After ${wait} ms`}`, true, wait);
    }
    if (statusCode >= 500) {
      throw new SubgraphUnavailableError(this.subgraph, `HTTP ${statusCode}: ${text.slice(0, 200)}`, TRANSIENT_STATUS.has(statusCode), true);
    }
    const contentType = response.headers['content-type'];
    return { status: statusCode, contentType: (Array.isArray(contentType) ? contentType[0] : contentType) ?? 'application/json', text };
  }

  /** Fresh signatures for each attempt: a retry must not look like a replay. */
  private async headersFor({ url, body, kind, identity }: SubgraphRequest): Promise<Record<string, string>> {
    const { internalSigningSecret } = await this.options.secrets.authSecrets();
    const call: InternalCall = {
      caller: identity.caller,
      requestId: identity.requestId,
      ...(identity.sourceIp ? { sourceIp: identity.sourceIp } : {}),
      // Only a mutation has a result to replay; the queries of the same request need no key.
      ...(kind === 'mutation' && identity.idempotencyKey !== undefined ? { idempotencyKey: identity.idempotencyKey } : {}),
    };
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
      [CORRELATION_HEADER]: identity.correlationId,
      [INTERNAL_HEADER]: signInternalCall(call, body, internalSigningSecret),
    };
    return this.options.iamSigning ? signedForIam(url, { method: 'POST', headers, body }, this.options.awsRegion) : headers;
  }

  /**
   * After a 429 the subgraph is left alone until its Retry-After has passed: a
   * call that can wait that long within its deadline waits, any other is shed.
   */
  private async waitOutPause(deadline: number): Promise<void> {
    const wait = this.pausedUntil - Date.now();
    if (wait <= 0) return;
    if (Date.now() + wait >= deadline) {
      throw new SubgraphOverloadedError(this.subgraph, `asked to wait ${wait} ms (Retry-After)`, false, wait);
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
  }

  private asSubgraphError(error: unknown, sent: boolean): SubgraphError {
    if (error instanceof SubgraphError) return error;
    if (error instanceof TaskCancelledError) return new SubgraphTimeoutError(this.subgraph, `no answer in ${this.settings.timeoutMs} ms`, sent);
    if (error instanceof BrokenCircuitError) return new SubgraphCircuitOpenError(this.subgraph, 'circuit open');
    if (error instanceof BulkheadRejectedError) {
      return new SubgraphOverloadedError(this.subgraph, `${this.settings.concurrency} calls in flight and ${this.settings.queue} waiting`, false);
    }
    // A bug of ours (signing, secrets): not the subgraph's fault, but the client still gets a clean error.
    return new SubgraphUnavailableError(this.subgraph, lowLevelReason(error).reason, false, false, { cause: error });
  }

  private log(outcome: string, request: SubgraphRequest, started: number, attempts: number, extra: Record<string, unknown>): void {
    const fields = {
      subgraph: this.subgraph,
      operation: request.kind,
      outcome,
      attempts,
      durationMs: Math.round(performance.now() - started),
      correlationId: request.identity.correlationId,
      ...extra,
    };
    if (outcome === 'ok') this.logger.info('Subgraph call', fields);
    else this.logger.warn('Subgraph call', fields);
  }
}
