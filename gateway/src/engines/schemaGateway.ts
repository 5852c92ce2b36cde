import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewayLoadResult,
  GatewaySchemaLoadOrUpdateCallback,
  GatewayUnsubscriber,
} from '@apollo/server-gateway-interface';
import { execute, isIncrementalResult } from '@graphql-tools/executor';
import { GraphQLError, type GraphQLSchema } from 'graphql';

/**
 * Hands Apollo Server an executable schema built from a supergraph, through
 * Apollo's gateway interface so that a later schema can be swapped in the same way.
 * Operations run on @graphql-tools/executor, the executor the stitched schema is
 * written for: errors it marks critical (a plan that cannot be made) fail the whole
 * operation as the federation gateways do, instead of nulling one field as
 * graphql-js would, and Apollo Server adds no per-field wrapping of its own.
 */
export class SchemaGateway implements GatewayInterface {
  private readonly listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();

  constructor(
    private schema: GraphQLSchema,
    private supergraphSdl: string,
  ) {}

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): GatewayUnsubscriber {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }

  load(): Promise<GatewayLoadResult> {
    this.publish();
    return Promise.resolve({ executor: executeOnRequestSchema });
  }

  /** Serves a new schema; requests already running finish on the old one. */
  update(schema: GraphQLSchema, supergraphSdl: string): void {
    this.schema = schema;
    this.supergraphSdl = supergraphSdl;
    this.publish();
  }

  stop(): Promise<void> {
    this.listeners.clear();
    return Promise.resolve();
  }

  private publish(): void {
    for (const listener of this.listeners) {
      listener({ apiSchema: this.schema, coreSupergraphSdl: this.supergraphSdl });
    }
  }
}

/**
 * Runs one operation on the schema Apollo Server validated it against (so a swap
 * mid-request cannot mix two schemas), with the request's context for the subgraph calls.
 */
const executeOnRequestSchema: GatewayExecutor = async (request: GatewayGraphQLRequestContext): Promise<GatewayExecutionResult> => {
  const result = await execute({
    schema: request.schema,
    document: request.document,
    operationName: request.operationName,
    variableValues: request.request.variables,
    contextValue: request.context,
  });
  // Only @defer/@stream give incremental results, and the client schema declares neither.
  if (isIncrementalResult(result)) {
    return { errors: [new GraphQLError('@defer and @stream are not supported.', { extensions: { code: 'BAD_REQUEST' } })] };
  }
  return result;
};
