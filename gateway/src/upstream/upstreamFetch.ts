import { CORRELATION_HEADER, iamSigningEnabled, type Logger, signedForIam } from '@bff/kit';
import { Agent, fetch as undiciFetch } from 'undici';

import { signedHeaders } from './callerHeaders';
import { CircuitBreaker } from './circuitBreaker';
import { headerRecord } from './headerRecord';
import { subgraphFailureResponse } from './subgraphFailure';
import type { UpstreamSettings } from './upstreamSettings';

/** The fetch signature both engines accept. */
export type UpstreamFetch = (url: string, init?: { method?: string; headers?: unknown; body?: unknown }) => Promise<Response>;

// Keep-alive connections, closed after 4 s idle: below the 5 s of Node's HTTP server
// (the local adapter) so the gateway never writes to a socket the subgraph is closing.
const agent = new Agent({ keepAliveTimeout: 4_000, keepAliveMaxTimeout: 60_000, connections: 128 });

const RETRYABLE_STATUS = new Set([502, 503, 504]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isMutation(body: string): boolean {
  // Both engines print each upstream operation with its keyword first.
  try {
    const query = (JSON.parse(body) as { query?: unknown }).query;
    return typeof query === 'string' && /^\s*mutation\b/.test(query);
  } catch {
    return false;
  }
}

/**
 * Calls one subgraph: keep-alive connections, a time limit on the whole call,
 * retries with jittered backoff for queries only (never mutations) after a
 * connection error or a 502/503/504, and a circuit breaker that fails fast while
 * the subgraph is down. A failure becomes a GraphQL error response naming the
 * subgraph, so the engines return partial data. Each call is logged.
 */
export function createUpstreamFetch(subgraph: string, settings: UpstreamSettings, logger: Logger): UpstreamFetch {
  const breaker = new CircuitBreaker(settings);
  return async (url, init = {}) => {
    const started = performance.now();
    const body = typeof init.body === 'string' ? init.body : '';
    const internal = await signedHeaders(headerRecord(init.headers), body);
    const method = init.method ?? 'POST';
    const headers = iamSigningEnabled() ? await signedForIam(url, { method, headers: internal, body }) : internal;
    const log = (outcome: string, attempts: number, extra: Record<string, unknown> = {}) =>
      logger[outcome === 'ok' ? 'info' : 'warn']('Upstream call', {
        subgraph,
        outcome,
        attempts,
        durationMs: Math.round(performance.now() - started),
        correlationId: headers[CORRELATION_HEADER],
        ...extra,
      });

    if (!breaker.tryAcquire()) {
      log('circuit-open', 0);
      return subgraphFailureResponse(subgraph, 'SUBGRAPH_UNAVAILABLE', 'circuit open');
    }
    const deadline = Date.now() + settings.timeoutMs;
    const maxAttempts = isMutation(body) ? 1 : 1 + settings.retries;
    let lastFailure = 'no attempt';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) {
        const backoff = Math.random() * settings.backoffMs * 2 ** (attempt - 2);
        if (Date.now() + backoff >= deadline) break;
        await sleep(backoff);
      }
      try {
        const response = await undiciFetch(url, {
          method,
          headers,
          body,
          dispatcher: agent,
          signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())),
        });
        if (RETRYABLE_STATUS.has(response.status)) {
          lastFailure = `HTTP ${response.status}`;
          await response.body?.cancel();
          continue;
        }
        breaker.onSuccess();
        log('ok', attempt, { status: response.status });
        return response;
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError';
        if (timedOut) {
          breaker.onFailure();
          log('timeout', attempt);
          return subgraphFailureResponse(subgraph, 'SUBGRAPH_TIMEOUT', `no answer in ${settings.timeoutMs} ms`);
        }
        lastFailure = ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message;
      }
    }
    breaker.onFailure();
    log('unavailable', maxAttempts, { reason: lastFailure });
    return subgraphFailureResponse(subgraph, 'SUBGRAPH_UNAVAILABLE', lastFailure);
  };
}
