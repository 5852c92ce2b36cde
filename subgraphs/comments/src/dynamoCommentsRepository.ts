import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoTable, type PageRequest } from '@bff/kit/subgraph';

import type { CommentListing, CommentPage, CommentRecord, CommentsRepository } from './service/commentsRepository';
import { commentsOfArticle, commentsTable } from './table';

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
export class DynamoCommentsRepository extends DynamoTable implements CommentsRepository {

  async getComments(ids: readonly string[]): Promise<CommentRecord[]> {
    return this.readAll(ids.map(commentKey), toRecord);
  }

  async getComment(id: string): Promise<CommentRecord | null> {
    return this.readOne(commentKey(id), toRecord);
  }

  /** One page of an index partition; the cursors belong to that index and partition. */
  listComments(listing: CommentListing, page: PageRequest): Promise<CommentPage> {
    const { index, partition } = indexOf(listing);
    const scope = `comments:${index}:${partition}`;
    return this.listPage({ table: commentsTable, indexName: index, partitionValue: partition, page, scope }, toRecord);
  }

  putComment(comment: CommentRecord): Promise<boolean> {
    return this.putNew({ ...commentKey(comment.id), feed: FEED, createdKey: `${comment.createdAt}#${comment.id}`, ...comment });
  }

  /** One conditional DeleteItem. */
  async deleteComment(id: string, authorId: string): Promise<CommentRecord | null> {
    const deleted = await this.deleteItem<CommentItem>(commentKey(id), {
      condition: 'attribute_exists(pk) AND authorId = :authorId',
      values: { ':authorId': authorId },
    });
    return deleted ? toRecord(deleted) : null;
  }

  /** `DELETED_ARTICLE#<id>`, kept: a few bytes an article. */
  async markArticleDeleted(articleId: string, deletedAt: string): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...deletedArticleKey(articleId), deletedAt } }));
  }

  async isArticleDeleted(articleId: string): Promise<boolean> {
    return (await this.getItem(deletedArticleKey(articleId), { consistent: true, projection: 'pk' })) !== undefined;
  }

  /** A page of 100 ids at a time from `byArticle`, each deleted with DeleteItem (the one write the service's role has for comments), 25 at once. */
  async deleteCommentsOfArticle(articleId: string): Promise<number> {
    let deleted = 0;
    await this.queryPages({ ...commentsOfArticle(articleId), ProjectionExpression: 'id', Limit: 100 }, async ({ Items }) => {
      const ids = ((Items ?? []) as { id: string }[]).map((item) => item.id);
      for (let start = 0; start < ids.length; start += 25) {
        const batch = ids.slice(start, start + 25);
        await Promise.all(batch.map((id) => this.deleteItem(commentKey(id))));
      }
      deleted += ids.length;
    });
    return deleted;
  }
}
