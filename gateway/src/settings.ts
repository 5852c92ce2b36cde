import { DEFAULT_SUBGRAPH_CLIENT_SETTINGS as UPSTREAM_DEFAULTS, type SubgraphClientSettings } from '@bff/kit/client';
import { type Env, envVar, parseEnv, runtimeEnvSchema, runtimeSettings, type RuntimeSettings } from '@bff/kit/core';
import { z } from 'zod';

import type { AdmissionSettings } from './plugins/admissionControl';
import { ENGINE_NAMES, type EngineName } from './engines/engine';

/**
 * MAX_QUERY_COST unless set (see `queryCost` for the model). The costliest frontend
 * operation, ArticleList with `first: 100`, costs 1101; the nested-list tests and bench
 * ask up to 6401 (`articles(first: 100)` with each article's default 20 comments); four
 * levels of `comments(first: 20)` cost over 300000.
 */
export const DEFAULT_MAX_QUERY_COST = 10_000;

/** How the gateway calls subgraphs. Each may also be set for one subgraph by appending its name: UPSTREAM_TIMEOUT_MS_USERS. */
const upstreamVars = {
  /** Whole call to a subgraph, attempts and backoff included, in ms. */
  UPSTREAM_TIMEOUT_MS: envVar.int(UPSTREAM_DEFAULTS.timeoutMs, 1),
  /** Extra attempts after a transient failure (queries, and keyed mutations). */
  UPSTREAM_RETRIES: envVar.int(UPSTREAM_DEFAULTS.retries),
  /** First retry backoff in ms; later ones grow exponentially. */
  UPSTREAM_BACKOFF_MS: envVar.int(UPSTREAM_DEFAULTS.backoffMs),
  /** Calls in flight to one subgraph at once. */
  UPSTREAM_CONCURRENCY: envVar.int(UPSTREAM_DEFAULTS.concurrency, 1),
  /** Calls that may wait for a slot; past that they are shed (SUBGRAPH_OVERLOADED). */
  UPSTREAM_QUEUE: envVar.int(UPSTREAM_DEFAULTS.queue),
  /** Failed share of calls, in percent, that opens a subgraph's circuit. */
  BREAKER_FAILURE_PERCENT: z.coerce.number().int().min(1).max(99).default(UPSTREAM_DEFAULTS.breakerThreshold * 100),
  /** Calls the breaker's window must hold before the share counts. */
  BREAKER_MIN_CALLS: envVar.int(UPSTREAM_DEFAULTS.breakerMinCalls),
  /** The breaker's sliding window, in ms. */
  BREAKER_WINDOW_MS: envVar.int(UPSTREAM_DEFAULTS.breakerWindowMs, 1),
  /** How long an open circuit waits before one trial call, in ms. */
  BREAKER_RESET_MS: envVar.int(UPSTREAM_DEFAULTS.breakerResetMs, 1),
};
type UpstreamVar = keyof typeof upstreamVars;
const UPSTREAM_VARS = Object.keys(upstreamVars) as UpstreamVar[];

/** Every variable the gateway reads, with its default and meaning: the kit's (NODE_ENV, secrets, UPSTREAM_SIGV4, …) and its own. */
export const gatewayEnvSchema = runtimeEnvSchema.extend({
  /** Which engine serves the supergraph. */
  GATEWAY_ENGINE: envVar.oneOf(ENGINE_NAMES, 'stitch'),
  /** SSM path the subgraphs are listed under, e.g. /bff/dev/subgraphs/; wins over REGISTRY_FILE. */
  REGISTRY_SSM_PREFIX: envVar.optionalString(),
  /** A local registry file, {"subgraphs":[{"name","url","sdl"?}]}. */
  REGISTRY_FILE: envVar.optionalString(),
  /** Seconds between looks at the registry; 0 never looks again. */
  REGISTRY_POLL_SECONDS: envVar.int(30),
  /** A folder to keep the composed supergraph in between starts. */
  SUPERGRAPH_CACHE_DIR: envVar.optionalString(),
  /** Largest request body, in bytes. */
  MAX_BODY_BYTES: envVar.int(100 * 1024, 1),
  /** Deepest selection an operation may have. */
  MAX_QUERY_DEPTH: envVar.int(12, 1),
  /** Most aliases an operation may use. */
  MAX_QUERY_ALIASES: envVar.int(15),
  /** Most root fields an operation may ask for. */
  MAX_ROOT_FIELDS: envVar.int(10, 1),
  /** Largest estimated cost of an operation (see `queryCost`). */
  MAX_QUERY_COST: envVar.int(DEFAULT_MAX_QUERY_COST, 1),
  /** Comma-separated origins a browser may call from; none by default. */
  CORS_ORIGINS: envVar.list(),
  /** A trusted-documents manifest, {"<sha256>": "<document>"}. */
  TRUSTED_DOCUMENTS_FILE: envVar.optionalString(),
  /** Accept only the manifest's operations (default: in production, when a manifest is given). */
  TRUSTED_DOCUMENTS_ONLY: envVar.optionalBoolean(),
  /** GraphiQL for a browser at the gateway's URL (default: outside production). */
  GRAPHQL_IDE: envVar.optionalBoolean(),
  /** Requests worked on at once (admission control). */
  MAX_CONCURRENT_REQUESTS: envVar.int(32, 1),
  /** Requests that may wait for a turn; past that they are turned away. */
  MAX_QUEUED_REQUESTS: envVar.int(1_000),
  /** Longest wait for a turn, in ms. */
  REQUEST_QUEUE_TIMEOUT_MS: envVar.int(10_000, 1),
  ...upstreamVars,
});

/** Where the gateway finds its subgraphs. */
export type RegistryLocation = { kind: 'ssm'; prefix: string } | { kind: 'file'; path: string };

/** The gateway's settings, parsed once at its entry and passed down. */
export interface GatewaySettings {
  /** What the kit's code takes: development or production, secrets, SigV4. */
  runtime: RuntimeSettings;
  engine: EngineName;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  /** Largest estimated cost of an operation (see `queryCost`); costlier ones are refused before execution. */
  maxQueryCost: number;
  /** Origins a browser may call from; empty: no cross-origin calls. */
  corsOrigins: string[];
  /** A trusted-documents manifest (`{"<sha256>": "<document>"}`); see `enforceTrustedDocuments`. */
  trustedDocumentsFile?: string;
  /** Accept only operations in the manifest. */
  enforceTrustedDocuments: boolean;
  /** GraphiQL at the gateway's URL for a browser. */
  ide: boolean;
  /** Requests worked on at once, those that may wait, and for how long (see `admissionControl`). */
  admission: AdmissionSettings;
  /** How often a request may trigger a look at the registry; 0 never looks again. */
  pollIntervalMs: number;
  /** A folder for the composed supergraph's file cache; none when absent. */
  cacheDir?: string;
  /** How the gateway calls a subgraph, unless `upstreamBySubgraph` says otherwise for it. */
  upstream: SubgraphClientSettings;
  /** Per-subgraph call settings, by the subgraph's env suffix (`USERS` for `users`; see `envSuffix`). */
  upstreamBySubgraph: Readonly<Record<string, SubgraphClientSettings>>;
}

/** `USERS` for `users`: per-subgraph variables are UPSTREAM_TIMEOUT_MS_USERS and so on. */
export const envSuffix = (subgraph: string): string => subgraph.toUpperCase().replace(/[^A-Z0-9]/g, '_');

function upstreamOf(env: Record<UpstreamVar, number>): SubgraphClientSettings {
  return {
    timeoutMs: env.UPSTREAM_TIMEOUT_MS,
    retries: env.UPSTREAM_RETRIES,
    backoffMs: env.UPSTREAM_BACKOFF_MS,
    concurrency: env.UPSTREAM_CONCURRENCY,
    queue: env.UPSTREAM_QUEUE,
    breakerThreshold: env.BREAKER_FAILURE_PERCENT / 100,
    breakerMinCalls: env.BREAKER_MIN_CALLS,
    breakerWindowMs: env.BREAKER_WINDOW_MS,
    breakerResetMs: env.BREAKER_RESET_MS,
  };
}

/**
 * Per-subgraph overrides: every `<UPSTREAM VAR>_<SUFFIX>` in `env`, parsed with the
 * same rules as the variable it overrides, whose value stands in for the rest.
 */
function upstreamOverrides(env: Env, base: Record<UpstreamVar, number>): Record<string, SubgraphClientSettings> {
  const suffixes = new Set<string>();
  for (const name of Object.keys(env)) {
    const overridden = UPSTREAM_VARS.find((variable) => name.startsWith(`${variable}_`));
    if (overridden && env[name]) suffixes.add(name.slice(overridden.length + 1));
  }
  const bySuffix: Record<string, SubgraphClientSettings> = {};
  for (const suffix of suffixes) {
    const schema = z.object(Object.fromEntries(UPSTREAM_VARS.map((name) => [`${name}_${suffix}`, upstreamVars[name].unwrap().default(base[name])])));
    const parsed = parseEnv(schema, env) as Record<string, number>;
    bySuffix[suffix] = upstreamOf(Object.fromEntries(UPSTREAM_VARS.map((name) => [name, parsed[`${name}_${suffix}`]])) as Record<UpstreamVar, number>);
  }
  return bySuffix;
}

/** Parses the gateway's environment; every wrong variable is named in one EnvError. */
export function readGatewaySettings(env: Env): GatewaySettings & { registry?: RegistryLocation } {
  const parsed = parseEnv(gatewayEnvSchema, env);
  const runtime = runtimeSettings(parsed);
  const production = !runtime.development;
  const registry: RegistryLocation | undefined = parsed.REGISTRY_SSM_PREFIX
    ? { kind: 'ssm', prefix: parsed.REGISTRY_SSM_PREFIX }
    : parsed.REGISTRY_FILE
      ? { kind: 'file', path: parsed.REGISTRY_FILE }
      : undefined;
  return {
    runtime,
    engine: parsed.GATEWAY_ENGINE,
    maxBodyBytes: parsed.MAX_BODY_BYTES,
    maxDepth: parsed.MAX_QUERY_DEPTH,
    maxAliases: parsed.MAX_QUERY_ALIASES,
    maxRootFields: parsed.MAX_ROOT_FIELDS,
    maxQueryCost: parsed.MAX_QUERY_COST,
    corsOrigins: parsed.CORS_ORIGINS,
    ...(parsed.TRUSTED_DOCUMENTS_FILE ? { trustedDocumentsFile: parsed.TRUSTED_DOCUMENTS_FILE } : {}),
    enforceTrustedDocuments: parsed.TRUSTED_DOCUMENTS_ONLY ?? (parsed.TRUSTED_DOCUMENTS_FILE !== undefined && production),
    ide: parsed.GRAPHQL_IDE ?? !production,
    admission: {
      concurrency: parsed.MAX_CONCURRENT_REQUESTS,
      queue: parsed.MAX_QUEUED_REQUESTS,
      queueTimeoutMs: parsed.REQUEST_QUEUE_TIMEOUT_MS,
    },
    pollIntervalMs: parsed.REGISTRY_POLL_SECONDS * 1000,
    ...(parsed.SUPERGRAPH_CACHE_DIR ? { cacheDir: parsed.SUPERGRAPH_CACHE_DIR } : {}),
    upstream: upstreamOf(parsed),
    upstreamBySubgraph: upstreamOverrides(env, parsed),
    ...(registry ? { registry } : {}),
  };
}

/** What an empty environment gives: a developer's gateway. Tests and tools spread their changes over it. */
export const DEFAULT_GATEWAY_SETTINGS: Readonly<GatewaySettings> = (({ registry: _registry, ...settings }) => settings)(readGatewaySettings({}));
