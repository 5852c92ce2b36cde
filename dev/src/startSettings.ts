import { envVar } from '@bff/kit/core';
import { localEnvSchema } from '@bff/kit/local';
import { z } from 'zod';

/** A TCP port, or 0 for a free one. */
export const portVar = (fallback: number) =>
  z.coerce.number({ error: 'must be a port number' }).int('must be a port number').min(0, 'must be a port number').max(65535, 'must be a port number').default(fallback);

/**
 * `npm start`'s own variables, each with its default and meaning, besides those
 * it passes on to the services and the gateway (GATEWAY_ENGINE, CORS_ORIGINS, …).
 */
export const startEnvSchema = localEnvSchema.extend({
  /** The gateway's port. */
  PORT: portVar(4000),
  /** The example frontend's port (Vite). */
  FRONTEND_PORT: portVar(5173),
  /** `off`: the API alone, for load tests and for a frontend served some other way. */
  FRONTEND: envVar.optionalString(),
  /** The data folder: the store, the registry, the local secrets and the supergraph cache (default `.local/`). */
  LOCAL_DATA_DIR: envVar.optionalString(),
  /** `production` is refused: the demo accounts have a published password. */
  NODE_ENV: envVar.string('development'),
  /** Where the gateway keeps its composed supergraph between starts (default: the data folder). */
  SUPERGRAPH_CACHE_DIR: envVar.optionalString(),
});
