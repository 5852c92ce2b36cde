import type { ApiGatewayHandler } from '../createLambdaGraphQLHandler';
import { type LocalTable, startLocalStoreWithTables } from './localStore';
import { serveLambda } from './serveLambda';

export interface LocalService {
  /** The GraphQL endpoint. */
  url: string;
  storeEndpoint: string;
  close(): Promise<void>;
}

/** Makes a service's handler once its store is up: `storeEndpoint` is the settings' `dynamoEndpoint`. */
export interface HandlerForStore {
  forStore: (storeEndpoint: string) => ApiGatewayHandler;
}

/** One service alone: a fresh in-memory store with its tables, and its handler, made for the store, on a free port. */
export async function startLocalService(name: string, handler: HandlerForStore, tables: LocalTable[]): Promise<LocalService> {
  const store = await startLocalStoreWithTables(tables);
  const serve = handler.forStore(store.endpoint);
  const server = await serveLambda(serve, { name: `${name}-local-graphql` }).catch(async (error: unknown) => {
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
