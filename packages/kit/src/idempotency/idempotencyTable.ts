import { serviceVariables } from '../catalogue/services';
import type { TableDefinition } from '../tableDefinition';

/**
 * Each service's idempotency table, in the layout Powertools'
 * DynamoDBPersistenceLayer uses by default: one item per key (`id`), with its
 * `expiration` (epoch seconds) as the TTL attribute, so that DynamoDB removes
 * records past their time in AWS (the local store keeps them; Powertools
 * ignores an expired record either way).
 */
export const idempotencyTable: TableDefinition = {
  partitionKey: { name: 'id', type: 'S' },
  timeToLiveAttribute: 'expiration',
};

/** The variable a service reads its idempotency table's name from: `COMMENTS_IDEMPOTENCY_TABLE` (see the services catalogue). */
export const idempotencyTableEnv = (service: string): string => serviceVariables(service).idempotencyTable.env;
