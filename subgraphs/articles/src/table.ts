import type { TableDefinition } from '@bff/kit';

/**
 * The articles table. Items: `ARTICLE#<id>`. `byCreated` lists every article
 * newest first (partition `feed` is the constant `ARTICLE`); `byAuthor` lists
 * one author's articles newest first.
 */
export const articlesTable: TableDefinition = {
  partitionKey: { name: 'pk', type: 'S' },
  globalIndexes: [
    { name: 'byCreated', partitionKey: { name: 'feed', type: 'S' }, sortKey: { name: 'createdAt', type: 'S' } },
    { name: 'byAuthor', partitionKey: { name: 'authorId', type: 'S' }, sortKey: { name: 'createdAt', type: 'S' } },
  ],
};
