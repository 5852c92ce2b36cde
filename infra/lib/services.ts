import { articlesTable } from '@bff/articles/table';
import { commentsTable } from '@bff/comments/table';
import { SERVICE_NAMES, SERVICES as CATALOGUE, type ServiceDescription, type ServiceName, serviceVariables } from '@bff/kit/catalogue';
import type { TableDefinition } from '@bff/kit/core';
import { usersTable } from '@bff/users/table';

import type { SubgraphService } from './subgraph';

/** Each service's table layout: the one thing about a service the catalogue does not hold (it lives with the service). */
const TABLES: Record<ServiceName, TableDefinition> = { users: usersTable, articles: articlesTable, comments: commentsTable };

/**
 * What the stacks need of a service in the catalogue. Only the calls a deployment
 * wires are kept (`calls`, not `callsWhenSet`: those would make two stacks depend on each other).
 */
function subgraphService(service: ServiceDescription, table: TableDefinition): SubgraphService {
  return {
    name: service.name,
    entry: service.entry,
    schemaFile: service.schemaFile,
    table,
    tableEnv: service.table.env,
    calls: service.calls.map((callee) => ({ subgraph: callee, urlEnv: serviceVariables(callee).urlEnv })),
  };
}

/** The product's subgraphs, each deployed as its own stack, in the catalogue's order (a callee before its callers). */
export const SERVICES: SubgraphService[] = SERVICE_NAMES.map((name) => subgraphService(CATALOGUE[name], TABLES[name]));
