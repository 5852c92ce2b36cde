import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetItems, type CursorSecrets, mapConnection, type PageRequest, putIfAbsent, queryPage } from '@bff/kit/subgraph';

import { forEachPage } from './dynamoPages';
import type { CommentListing, CommentPage, CommentRecord, CommentsRepository } from './service/commentsRepository';
import { commentsTable } from './table';
import { unlessRefused } from './unlessRefused';

interface CommentItem extends CommentRecord {
  pk: string;
  feed: string;
  createdKey: string;
}

const FEED = 'COMMENT';
const commentKey = (id: string) => ({ pk: `COMMENT#${id}` });
const deletedArticleKey = (articleId: string) => ({ pk: `DELETED_ARTICLE#${articleId}` });

/** A listing as the index and partition that hold it. */
function indexOf(listing: CommentListing): { index: 'byArticle' | 'byAuthor' | 'byCreated'; partition: string } {
  switch (listing.of) {
    case 'article':
      return { index: 'byArticle', partition: listing.articleId };
    case 'author':
      return { index: 'byAuthor', partition: listing.authorId };
    case 'everyone':
      return { index: 'byCreated', partition: FEED };
  }
}

function toRecord({ id, body, articleId, authorId, createdAt }: CommentItem): CommentRecord {
  return { id, body, articleId, authorId, createdAt };
}

/** The comments in the comments table (see `table.ts`): `COMMENT#` and `DELETED_ARTICLE#` items. */
export class DynamoCommentsRepository implements CommentsRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    /** The key list cursors are sealed with: needed to list, not to read or write by id. */
    private readonly cursors?: CursorSecrets,
  ) {}

  /** BatchGetItem calls of up to 100 keys. */
  async getComments(ids: readonly string[]): Promise<CommentRecord[]> {
    return (await batchGetItems<CommentItem>(this.tableName, ids.map(commentKey), this.client)).map(toRecord);
  }

  async getComment(id: string): Promise<CommentRecord | null> {
    const output = await this.client.send(new GetCommand({ TableName: this.tableName, Key: commentKey(id), ConsistentRead: true }));
    return output.Item ? toRecord(output.Item as CommentItem) : null;
  }

  /** One page of an index partition; the cursors belong to that index and partition. */
  async listComments(listing: CommentListing, page: PageRequest): Promise<CommentPage> {
    const { index, partition } = indexOf(listing);
    const result = await queryPage<CommentItem & Record<string, unknown>>({
      tableName: this.tableName,
      table: commentsTable,
      indexName: index,
      partitionValue: partition,
      page,
      scope: `comments:${index}:${partition}`,
      client: this.client,
      secrets: this.cursorKey(),
    });
    return mapConnection(result, toRecord);
  }

  putComment(comment: CommentRecord): Promise<boolean> {
    return putIfAbsent(this.tableName, { ...commentKey(comment.id), feed: FEED, createdKey: `${comment.createdAt}#${comment.id}`, ...comment }, this.client);
  }

  /** One conditional DeleteItem. */
  async deleteComment(id: string, authorId: string): Promise<CommentRecord | null> {
    const output = await unlessRefused(
      this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: commentKey(id),
          ConditionExpression: 'attribute_exists(pk) AND authorId = :authorId',
          ExpressionAttributeValues: { ':authorId': authorId },
          ReturnValues: 'ALL_OLD',
        }),
      ),
    );
    return output ? toRecord(output.Attributes as CommentItem) : null;
  }

  /** `DELETED_ARTICLE#<id>`, kept: a few bytes an article. */
  async markArticleDeleted(articleId: string, deletedAt: string): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...deletedArticleKey(articleId), deletedAt } }));
  }

  async isArticleDeleted(articleId: string): Promise<boolean> {
    const output = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: deletedArticleKey(articleId), ConsistentRead: true, ProjectionExpression: 'pk' }),
    );
    return output.Item !== undefined;
  }

  /** A page of 100 ids at a time from `byArticle`, each deleted with DeleteItem (the one write the service's role has for comments), 25 at once. */
  async deleteCommentsOfArticle(articleId: string): Promise<number> {
    let deleted = 0;
    await forEachPage(
      (startKey) =>
        this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: indexOf({ of: 'article', articleId }).index,
            KeyConditionExpression: 'articleId = :articleId',
            ExpressionAttributeValues: { ':articleId': articleId },
            ProjectionExpression: 'id',
            Limit: 100,
            ExclusiveStartKey: startKey,
          }),
        ),
      async ({ Items }) => {
        const ids = ((Items ?? []) as { id: string }[]).map((item) => item.id);
        for (let start = 0; start < ids.length; start += 25) {
          const batch = ids.slice(start, start + 25);
          await Promise.all(batch.map((id) => this.client.send(new DeleteCommand({ TableName: this.tableName, Key: commentKey(id) }))));
        }
        deleted += ids.length;
      },
    );
    return deleted;
  }

  private cursorKey(): CursorSecrets {
    if (!this.cursors) throw new Error(`This repository of ${this.tableName} was made without a cursor key: it cannot list`);
    return this.cursors;
  }
}
