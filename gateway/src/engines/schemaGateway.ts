import type {
  GatewayInterface,
  GatewayLoadResult,
  GatewaySchemaLoadOrUpdateCallback,
  GatewayUnsubscriber,
} from '@apollo/server-gateway-interface';
import type { GraphQLSchema } from 'graphql';

/**
 * Hands Apollo Server an executable schema built from a supergraph, through
 * Apollo's gateway interface so that a later schema can be swapped in the same way.
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
    // No executor: Apollo Server runs the stitched schema's own resolvers.
    return Promise.resolve({ executor: null });
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
