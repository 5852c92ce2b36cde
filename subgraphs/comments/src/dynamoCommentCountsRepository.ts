import { DynamoTable } from '@bff/kit/subgraph';

import type { ArticleTally, CommentCount, CommentCountsRepository } from './service/commentCountsRepository';
import { type CountChange, parseCountChange } from './service/countChange';
import { commentsOfArticle } from './table';

/**
 * An article's counter item, `COUNT#<articleId>`: `count`, `v` (raised by every
 * update, so a recount can write only if nothing moved meanwhile) and the
 * pending changes' tokens as two string sets, `adding` and `removing`.
 */
interface CountItem {
  pk: string;
  count?: number;
  v?: number;
  adding?: Set<string>;
  removing?: Set<string>;
}

const PREFIX = 'COUNT#';
const countKey = (articleId: string) => ({ pk: `${PREFIX}${articleId}` });

function toCount(item: CountItem): CommentCount {
  return {
    articleId: item.pk.slice(PREFIX.length),
    count: item.count ?? 0,
    version: item.v ?? 0,
    changes: [
      ...[...(item.adding ?? [])].map((token) => parseCountChange('adding', token)),
      ...[...(item.removing ?? [])].map((token) => parseCountChange('removing', token)),
    ],
  };
}

/** The articles' comment counters in the comments table (see `table.ts`): each change one UpdateItem. */
export class DynamoCommentCountsRepository extends DynamoTable implements CommentCountsRepository {
  async getCommentCounts(articleIds: readonly string[]): Promise<CommentCount[]> {
    return this.readAll(articleIds.map(countKey), toCount);
  }

  async getCommentCount(articleId: string): Promise<CommentCount | null> {
    return this.readOne(countKey(articleId), toCount);
  }

  async beginCountChange(articleId: string, change: CountChange): Promise<void> {
    await this.updateItem(countKey(articleId), { update: 'ADD #kind :token, v :one', names: { '#kind': change.kind }, values: { ':token': new Set([change.token]), ':one': 1 } });
  }

  async settleCountChange(articleId: string, change: CountChange, delta: number): Promise<boolean> {
    const moves = delta !== 0;
    const settled = await this.updateItem(countKey(articleId), {
      update: moves ? 'DELETE #kind :tokens ADD v :one, #count :delta' : 'DELETE #kind :tokens ADD v :one',
      condition: 'contains(#kind, :token)',
      names: { '#kind': change.kind, ...(moves ? { '#count': 'count' } : {}) },
      values: { ':tokens': new Set([change.token]), ':token': change.token, ':one': 1, ...(moves ? { ':delta': delta } : {}) },
    });
    return settled !== null;
  }

  async addToCommentCount(articleId: string, delta: number): Promise<void> {
    await this.updateItem(countKey(articleId), { update: 'ADD #count :delta, v :one', names: { '#count': 'count' }, values: { ':delta': delta, ':one': 1 } });
  }

  /** Counted by DynamoDB (`Select: COUNT`) page by page. */
  async countStoredComments(articleId: string): Promise<number> {
    let total = 0;
    await this.queryPages({ ...commentsOfArticle(articleId), Select: 'COUNT' }, ({ Count }) => {
      total += Count ?? 0;
    });
    return total;
  }

  async writeRecount(articleId: string, count: number, expected: number | null): Promise<boolean> {
    const written = await this.updateItem(countKey(articleId), {
      update: 'SET #count = :count, v = :next REMOVE adding, removing',
      condition: expected === null ? 'attribute_not_exists(pk)' : 'v = :expected',
      names: { '#count': 'count' },
      values: { ':count': count, ':next': (expected ?? 0) + 1, ...(expected === null ? {} : { ':expected': expected }) },
    });
    return written !== null;
  }

  async deleteCommentCount(articleId: string): Promise<void> {
    await this.deleteItem(countKey(articleId));
  }

  /** One Scan, page by page, of keys and article ids only, with an operator's rights. */
  async tallyByArticle(): Promise<Map<string, ArticleTally>> {
    const tally = new Map<string, ArticleTally>();
    const entry = (articleId: string) => tally.get(articleId) ?? tally.set(articleId, { comments: 0, counter: null }).get(articleId)!;
    await this.scanPages(
      { ProjectionExpression: 'pk, articleId, #count, v, adding, removing', ExpressionAttributeNames: { '#count': 'count' } },
      ({ Items }) => {
        for (const item of (Items ?? []) as (CountItem & { articleId?: string })[]) {
          if (item.pk.startsWith(PREFIX)) entry(item.pk.slice(PREFIX.length)).counter = toCount(item);
          else if (item.pk.startsWith('COMMENT#') && item.articleId) entry(item.articleId).comments++;
        }
      },
    );
    return tally;
  }
}
