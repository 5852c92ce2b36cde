import type { TableDefinition } from '@bff/kit';

/**
 * The users table. Items: `USER#<id>` (a user). The CDK stack and the local
 * store both build the table from this definition.
 */
export const usersTable: TableDefinition = {
  partitionKey: { name: 'pk', type: 'S' },
};
