import type { TableDefinition } from '@bff/kit/subgraph';

/**
 * The comments table. Items: `COMMENT#<id>` (a comment), `COUNT#<articleId>`
 * (an article's comment count, with the changes being made to it: see
 * `dynamoCommentCountsRepository.ts`) and `DELETED_ARTICLE#<articleId>` (an article whose
 * comments were removed). Indexes list comments newest first by article, by
 * author, and all of them (`feed` = `COMMENT`), on the sort key `createdKey` =
 * `<createdAt>#<id>`. The other items have none of the index attributes, so
 * they never appear in a list.
 */
export const commentsTable: TableDefinition = {
  partitionKey: { name: 'pk', type: 'S' },
  globalIndexes: [
    { name: 'byArticle', partitionKey: { name: 'articleId', type: 'S' }, sortKey: { name: 'createdKey', type: 'S' } },
    { name: 'byAuthor', partitionKey: { name: 'authorId', type: 'S' }, sortKey: { name: 'createdKey', type: 'S' } },
    { name: 'byCreated', partitionKey: { name: 'feed', type: 'S' }, sortKey: { name: 'createdKey', type: 'S' } },
  ],
};

/** The Query for one article's comments, on its index (newest first): the key condition and its value. */
export const commentsOfArticle = (articleId: string) => ({
  IndexName: 'byArticle',
  KeyConditionExpression: 'articleId = :articleId',
  ExpressionAttributeValues: { ':articleId': articleId },
});
