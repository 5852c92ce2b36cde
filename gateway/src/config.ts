import { envInt, envOptional, envString, isDevelopment } from '@bff/kit/core';

import type { AdmissionSettings } from './edge/admissionControl';
import { ENGINE_NAMES, type EngineName } from './engines/engine';

/**
 * MAX_QUERY_COST unless set (see `queryCost` for the model). The costliest frontend
 * operation, ArticleList with `first: 100`, costs 1101; the nested-list tests and bench
 * ask up to 6401 (`articles(first: 100)` with each article's default 20 comments); four
 * levels of `comments(first: 20)` cost over 300000.
 */
export const DEFAULT_MAX_QUERY_COST = 10_000;

/** Gateway settings, read from the environment in this one place. */
export interface GatewayConfig {
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
  /** Accept only operations in the manifest (default: in production, when a manifest is given). */
  enforceTrustedDocuments: boolean;
  /** GraphiQL at the gateway's URL for a browser (GRAPHQL_IDE; default: outside production). */
  ide: boolean;
  /** Requests worked on at once, those that may wait, and for how long (see `admissionControl`). */
  admission: AdmissionSettings;
}

export function readGatewayConfig(): GatewayConfig {
  const engine = envString('GATEWAY_ENGINE', 'stitch');
  if (!(ENGINE_NAMES as readonly string[]).includes(engine)) {
    throw new Error(`GATEWAY_ENGINE must be one of ${ENGINE_NAMES.join(', ')}, got "${engine}"`);
  }
  const trustedDocumentsFile = envOptional('TRUSTED_DOCUMENTS_FILE');
  const enforce = envOptional('TRUSTED_DOCUMENTS_ONLY');
  return {
    engine: engine as EngineName,
    maxBodyBytes: envInt('MAX_BODY_BYTES', 100 * 1024),
    maxDepth: envInt('MAX_QUERY_DEPTH', 12),
    maxAliases: envInt('MAX_QUERY_ALIASES', 15),
    maxRootFields: envInt('MAX_ROOT_FIELDS', 10),
    maxQueryCost: envInt('MAX_QUERY_COST', DEFAULT_MAX_QUERY_COST),
    corsOrigins: (envOptional('CORS_ORIGINS') ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    trustedDocumentsFile,
    enforceTrustedDocuments: enforce !== undefined ? enforce === 'true' : trustedDocumentsFile !== undefined && !isDevelopment(),
    ide: (envOptional('GRAPHQL_IDE') ?? String(isDevelopment())) === 'true',
    admission: {
      concurrency: envInt('MAX_CONCURRENT_REQUESTS', 32),
      queue: envInt('MAX_QUEUED_REQUESTS', 1_000),
      queueTimeoutMs: envInt('REQUEST_QUEUE_TIMEOUT_MS', 10_000),
    },
  };
}
