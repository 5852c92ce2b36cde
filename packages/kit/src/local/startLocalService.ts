import type { ApiGatewayHandler } from '../createLambdaGraphQLHandler';
import { type LocalTable, startLocalStoreWithTables } from './localStore';
import { serveLambda } from './serveLambda';

export interface LocalService {
  /** The GraphQL endpoint. */
  url: string;
  storeEndpoint: string;
  close(): Promise<void>;
}

/** One service alone: a fresh in-memory store with its tables, and its handler on a free port. */
export async function startLocalService(name: string, handler: ApiGatewayHandler, tables: LocalTable[]): Promise<LocalService> {
  const store = await startLocalStoreWithTables(tables);
  const server = await serveLambda(handler, { name: `${name}-local-graphql` }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  return {
    url: `${server.origin}/graphql`,
    storeEndpoint: store.endpoint,
    close: async () => {
      await server.close();
      await store.close();
    },
  };
}
