import type { PageRequest } from '@bff/kit/core';

import type { ArticleTally, CommentCount, CommentCountsRepository } from '../src/service/commentCountsRepository';
import type { CommentListing, CommentPage, CommentRecord, CommentsRepository } from '../src/service/commentsRepository';
import type { CountChange } from '../src/service/countChange';

/** The comments repository in memory, for the service's unit tests: a test double of the port (lists are not paged). */
export class InMemoryCommentsRepository implements CommentsRepository {
  readonly comments = new Map<string, CommentRecord>();
  readonly deletedArticles = new Set<string>();
  /** Set to make the next putComment fail, as a store error would. */
  failNextPut: Error | undefined;

  getComments(ids: readonly string[]): Promise<CommentRecord[]> {
    return Promise.resolve(ids.flatMap((id) => this.comments.get(id) ?? []));
  }

  getComment(id: string): Promise<CommentRecord | null> {
    return Promise.resolve(this.comments.get(id) ?? null);
  }

  listComments(listing: CommentListing, { first }: PageRequest): Promise<CommentPage> {
    const all = [...this.comments.values()].filter(
      (comment) =>
        listing.of === 'everyone' ||
        (listing.of === 'article' && comment.articleId === listing.articleId) ||
        (listing.of === 'author' && comment.authorId === listing.authorId),
    );
    return Promise.resolve({ nodes: all.slice(0, first), pageInfo: { hasNextPage: all.length > first, endCursor: null } });
  }

  putComment(comment: CommentRecord): Promise<boolean> {
    const failure = this.failNextPut;
    this.failNextPut = undefined;
    if (failure) return Promise.reject(failure);
    if (this.comments.has(comment.id)) return Promise.resolve(false);
    this.comments.set(comment.id, comment);
    return Promise.resolve(true);
  }

  deleteComment(id: string, authorId: string): Promise<CommentRecord | null> {
    const comment = this.comments.get(id);
    if (comment?.authorId !== authorId) return Promise.resolve(null);
    this.comments.delete(id);
    return Promise.resolve(comment);
  }

  markArticleDeleted(articleId: string): Promise<void> {
    this.deletedArticles.add(articleId);
    return Promise.resolve();
  }

  isArticleDeleted(articleId: string): Promise<boolean> {
    return Promise.resolve(this.deletedArticles.has(articleId));
  }

  deleteCommentsOfArticle(articleId: string): Promise<number> {
    const ids = [...this.comments.values()].filter((comment) => comment.articleId === articleId).map((comment) => comment.id);
    for (const id of ids) this.comments.delete(id);
    return Promise.resolve(ids.length);
  }
}

/** The counters in memory, each change settled at most once, as the port promises. */
export class InMemoryCommentCounts implements CommentCountsRepository {
  readonly counters = new Map<string, CommentCount>();
  /** Set to make settling fail, as a store error would. */
  failSettling: Error | undefined;

  constructor(private readonly comments: InMemoryCommentsRepository) {}

  getCommentCounts(articleIds: readonly string[]): Promise<CommentCount[]> {
    return Promise.resolve(articleIds.flatMap((id) => this.copy(id) ?? []));
  }

  getCommentCount(articleId: string): Promise<CommentCount | null> {
    return Promise.resolve(this.copy(articleId));
  }

  beginCountChange(articleId: string, change: CountChange): Promise<void> {
    const counter = this.counter(articleId);
    counter.changes.push(change);
    counter.version++;
    return Promise.resolve();
  }

  settleCountChange(articleId: string, change: CountChange, delta: number): Promise<boolean> {
    if (this.failSettling) return Promise.reject(this.failSettling);
    const counter = this.counter(articleId);
    const before = counter.changes.length;
    counter.changes = counter.changes.filter((pending) => pending.token !== change.token);
    if (counter.changes.length === before) return Promise.resolve(false);
    counter.count += delta;
    counter.version++;
    return Promise.resolve(true);
  }

  addToCommentCount(articleId: string, delta: number): Promise<void> {
    this.counter(articleId).count += delta;
    return Promise.resolve();
  }

  countStoredComments(articleId: string): Promise<number> {
    return Promise.resolve([...this.comments.comments.values()].filter((comment) => comment.articleId === articleId).length);
  }

  writeRecount(articleId: string, count: number, expected: number | null): Promise<boolean> {
    const counter = this.counters.get(articleId);
    if ((counter?.version ?? null) !== expected) return Promise.resolve(false);
    this.counters.set(articleId, { articleId, count, version: (expected ?? 0) + 1, changes: [] });
    return Promise.resolve(true);
  }

  deleteCommentCount(articleId: string): Promise<void> {
    this.counters.delete(articleId);
    return Promise.resolve();
  }

  tallyByArticle(): Promise<Map<string, ArticleTally>> {
    const tally = new Map<string, ArticleTally>();
    for (const comment of this.comments.comments.values()) {
      const entry = tally.get(comment.articleId) ?? { comments: 0, counter: this.copy(comment.articleId) };
      tally.set(comment.articleId, { ...entry, comments: entry.comments + 1 });
    }
    return Promise.resolve(tally);
  }

  private counter(articleId: string): CommentCount {
    let counter = this.counters.get(articleId);
    if (!counter) this.counters.set(articleId, (counter = { articleId, count: 0, version: 0, changes: [] }));
    return counter;
  }

  /** A snapshot, as a read returns it. */
  private copy(articleId: string): CommentCount | null {
    const counter = this.counters.get(articleId);
    return counter ? { ...counter, changes: [...counter.changes] } : null;
  }
}
