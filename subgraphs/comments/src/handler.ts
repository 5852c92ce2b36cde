import { createSubgraphHandler } from '@bff/kit';

import typeDefs from '../schema.graphql';
import { createContext, resolvers } from './resolvers';

/** Lambda entry of the comments subgraph (API Gateway HTTP API, payload 2.0). */
export const handler = createSubgraphHandler({ name: 'comments', typeDefs, resolvers, context: createContext });
