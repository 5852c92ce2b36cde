import type { TableDefinition } from '@bff/kit/subgraph';

/**
 * The users table. Items: `USER#<id>` (a user), `EMAIL#<lower-cased email>`
 * (the claim that makes an email unique: written with a condition before the
 * user, since the local store has no transactions) and
 * `LOGINLIMIT#<EMAIL|IP>#<email or network>#<window start>` (login attempts in
 * one window, with `ttl` in epoch seconds for DynamoDB's TTL). The CDK stack and
 * the local store both build the table from this definition.
 */
export const usersTable: TableDefinition = {
  partitionKey: { name: 'pk', type: 'S' },
  timeToLiveAttribute: 'ttl',
};
