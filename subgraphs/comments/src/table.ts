import type { TableDefinition } from '@bff/kit';

/**
 * The comments table. Items: `COMMENT#<id>`. `byArticle` lists an article's
 * comments newest first; `byAuthor` lists one author's comments newest first.
 */
export const commentsTable: TableDefinition = {
  partitionKey: { name: 'pk', type: 'S' },
  globalIndexes: [
    { name: 'byArticle', partitionKey: { name: 'articleId', type: 'S' }, sortKey: { name: 'createdAt', type: 'S' } },
    { name: 'byAuthor', partitionKey: { name: 'authorId', type: 'S' }, sortKey: { name: 'createdAt', type: 'S' } },
  ],
};
