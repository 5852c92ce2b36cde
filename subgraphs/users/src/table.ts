import type { TableDefinition } from '@bff/kit';

/**
 * The users table. Items: `USER#<id>` (a user) and `EMAIL#<lower-cased email>`
 * (the claim that makes an email unique: written with a condition before the
 * user, since the local store has no transactions). The CDK stack and the local
 * store both build the table from this definition.
 */
export const usersTable: TableDefinition = {
  partitionKey: { name: 'pk', type: 'S' },
};
