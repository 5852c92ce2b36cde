import type { Secrets } from './auth/secrets';
import type { ApiGatewayHandler } from './createLambdaGraphQLHandler';
import { createSubgraphHandler, type SubgraphOptions } from './createSubgraphHandler';
import type { RuntimeSettings } from './env/runtimeEnv';
import type { ServiceTables } from './env/serviceEnv';
import { failClosed } from './failClosed';
import type { RequestContext } from './requestContext';

export interface ServiceHandlerOptions<TContext extends RequestContext> extends Omit<SubgraphOptions<TContext>, 'resolvers' | 'idempotency' | 'settings' | 'secrets'> {
  /** The resolvers, typed by the subgraph's generated `Resolvers` (Apollo's own map types `__resolveReference` as a field). */
  resolvers: object;
  /** The entry's parsed settings: the kit's, and the service's tables (every mutation is idempotent in the idempotency table). */
  settings: ServiceTables & { runtime: RuntimeSettings };
  secrets: Secrets;
  /** The service seals list cursors: the cursor key must be there before it answers. */
  listsWithCursors?: boolean;
}

/**
 * A service's subgraph Lambda handler: `createSubgraphHandler` with every
 * mutation idempotent, behind `failClosed` (production variables, the secrets
 * it uses), from the entry's parsed settings and secrets.
 */
export function createServiceHandler<TContext extends RequestContext>(options: ServiceHandlerOptions<TContext>): ApiGatewayHandler {
  const { settings, secrets, listsWithCursors, resolvers, ...subgraph } = options;
  const { runtime, productionEnv } = settings;
  return failClosed(
    options.name,
    {
      productionEnv: { development: runtime.development, env: productionEnv, names: Object.keys(productionEnv) },
      secrets: [() => secrets.authSecrets(), ...(listsWithCursors ? [() => secrets.cursorSecret()] : [])],
    },
    createSubgraphHandler<TContext>({
      ...subgraph,
      resolvers: resolvers as SubgraphOptions<TContext>['resolvers'],
      idempotency: { tableName: settings.idempotencyTableName },
      settings: runtime,
      secrets,
    }),
  );
}
