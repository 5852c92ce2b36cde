import { type ApiGatewayHandler, CORRELATION_HEADER, type RuntimeSettings } from '@bff/kit';
import type { LocalLambdaServer } from '@bff/kit/local';

import { developerSettings } from './developerKeys';
import { fixtureHandler } from './fixtureSubgraphs';
import { serveTestLambda } from './serveTestLambda';

/** How a test subgraph misbehaves: a test sets it, the subgraph reads it on each request. */
export interface Trouble {
  /** Answer this many requests with 503 before behaving. */
  failNext: number;
  /** Wait this long before answering. */
  delayMs: number;
  /** Work on one request at a time, this long each, as a saturated single-threaded service would. */
  serialMs: number;
  /** Handle this many requests (signature checked, nonce spent, work done), then answer 503 anyway. */
  failAfterHandlingNext: number;
  /** Answer this many requests with 429 and this Retry-After (seconds). */
  tooManyNext: number;
  retryAfterSeconds: number;
}

/** A subgraph in a test: its server, its trouble switch, and the request bodies and correlation ids it saw. */
export interface TroubledSubgraph {
  server: LocalLambdaServer;
  trouble: Trouble;
  requests: string[];
  correlationIds: string[];
  /** Stops the server at once, cutting requests in flight, as a crashed service would. */
  kill(): Promise<void>;
  /** Serves it again on the same port (nothing when it is up). */
  revive(): Promise<void>;
}

export const noTrouble = (): Trouble => ({ failNext: 0, delayMs: 0, serialMs: 0, failAfterHandlingNext: 0, tooManyNext: 0, retryAfterSeconds: 0 });

/** Wraps a real handler so a test can make it slow or failing, and see what reached it. */
function troubled(handler: ApiGatewayHandler, trouble: Trouble, requests: string[], correlationIds: string[]): ApiGatewayHandler {
  let busyUntil = 0;
  return async (event, context) => {
    requests.push(event.body ?? '');
    correlationIds.push(event.headers[CORRELATION_HEADER] ?? '');
    if (trouble.delayMs) await new Promise((resolve) => setTimeout(resolve, trouble.delayMs));
    if (trouble.serialMs) {
      // Each request starts when the one before it is done.
      busyUntil = Math.max(busyUntil, Date.now()) + trouble.serialMs;
      await new Promise((resolve) => setTimeout(resolve, busyUntil - Date.now()));
    }
    if (trouble.failNext > 0) {
      trouble.failNext--;
      return { statusCode: 503, body: 'Service Unavailable' };
    }
    if (trouble.tooManyNext > 0) {
      trouble.tooManyNext--;
      return { statusCode: 429, headers: { 'retry-after': String(trouble.retryAfterSeconds) }, body: 'Too Many Requests' };
    }
    const result = await handler(event, context);
    if (trouble.failAfterHandlingNext > 0) {
      trouble.failAfterHandlingNext--;
      return { statusCode: 503, body: 'Service Unavailable' };
    }
    return result;
  };
}

async function serve(name: string, handler: ApiGatewayHandler): Promise<TroubledSubgraph> {
  const trouble = noTrouble();
  const requests: string[] = [];
  const correlationIds: string[] = [];
  const wrapped = troubled(handler, trouble, requests, correlationIds);
  let alive = true;
  const subgraph: TroubledSubgraph = {
    server: await serveTestLambda(wrapped, name),
    trouble,
    requests,
    correlationIds,
    kill: async () => {
      alive = false;
      await subgraph.server.close(0);
    },
    revive: async () => {
      if (alive) return;
      subgraph.server = await serveTestLambda(wrapped, name, { port: subgraph.server.port });
      alive = true;
    },
  };
  return subgraph;
}

/**
 * The planets and moons fixture subgraphs (see `FIXTURE_SDL`), each behind a
 * trouble switch. `settings` are the kit's, as their entry would parse them: a
 * developer's by default.
 */
export async function startPlanetsAndMoons(settings: RuntimeSettings = developerSettings): Promise<{ planets: TroubledSubgraph; moons: TroubledSubgraph }> {
  return { planets: await serve('planets', fixtureHandler('planets', settings)), moons: await serve('moons', fixtureHandler('moons', settings)) };
}

/** A local registry file's text listing these subgraphs (introspected by the gateway). */
export const registryOf = (...subgraphs: TroubledSubgraph[]) =>
  JSON.stringify({ subgraphs: subgraphs.map(({ server }) => ({ name: server.name, url: `${server.origin}/graphql` })) });
