import type { TableDefinition } from '@bff/kit/subgraph';

/**
 * The articles table. Items: `ARTICLE#<id>`. `byCreated` lists every article
 * newest first (partition `feed` is the constant `ARTICLE`); `byAuthor` lists
 * one author's newest first. The sort key `createdKey` is `<createdAt>#<id>`,
 * unique even when two articles share a millisecond. A deleted article whose
 * comments are not yet removed is a tombstone: no `authorId`, `feed` = `DELETED`,
 * `createdKey` = `<deletedAt>#<id>`, so `byCreated` lists pending clean-ups too.
 */
export const articlesTable: TableDefinition = {
  partitionKey: { name: 'pk', type: 'S' },
  globalIndexes: [
    { name: 'byCreated', partitionKey: { name: 'feed', type: 'S' }, sortKey: { name: 'createdKey', type: 'S' } },
    { name: 'byAuthor', partitionKey: { name: 'authorId', type: 'S' }, sortKey: { name: 'createdKey', type: 'S' } },
  ],
};
