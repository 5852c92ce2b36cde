import { ApolloServer } from '@apollo/server';

import type { GatewayContext } from '../../../src/gatewayContext';
import type { GatewayPlugin } from '../../../src/plugins/gatewayPlugin';
import { requestContext } from './gatewayEvent';

type Request = Parameters<ApolloServer<GatewayContext>['executeOperation']>[0];

/**
 * A real Apollo Server over a small schema with one plugin's Apollo hooks and
 * validation rules: `run` sends it a request and returns the status and result.
 */
export async function apolloServerWith(plugin: GatewayPlugin, typeDefs: string, resolvers: Record<string, Record<string, unknown>>) {
  const server = new ApolloServer<GatewayContext>({
    typeDefs,
    resolvers,
    plugins: plugin.apollo ? [plugin.apollo] : [],
    validationRules: [...(plugin.validationRules ?? [])],
  });
  await server.start();
  const run = async (request: Request) => {
    const { body, http } = await server.executeOperation(request, { contextValue: requestContext() });
    if (body.kind !== 'single') throw new Error('Expected a single result');
    return { status: http.status, result: body.singleResult };
  };
  return { run, stop: () => server.stop() };
}
