import { randomUUID } from 'node:crypto';

import type { Caller, PageRequest } from '@bff/kit/core';
import { BadUserInputError, ForbiddenError, NotFoundError, ServiceUnavailableError, UnauthenticatedError } from '@bff/kit/errors';

import { type ArticlesDirectory, ArticlesUnavailableError } from './articlesDirectory';
import type { CommentCountsRepository } from './commentCountsRepository';
import type { CommentListing, CommentPage, CommentRecord, CommentsRepository } from './commentsRepository';
import { countChange, type CountChange } from './countChange';
import { ARTICLES_SERVICE_CALLER } from './serviceCallers';

/** A count change whose writer could not take it off: the next read of the count after SETTLE_AFTER_MS (or the repair) settles it. */
export interface UnsettledChange {
  change: CountChange;
  error: unknown;
}

/** A comment added, and its count change if it could not be settled at once. */
export interface AddedComment {
  comment: CommentRecord;
  unsettled?: UnsettledChange;
}

/** A comment deleted, and its count change if it could not be settled at once. */
export interface DeletedComment {
  unsettled?: UnsettledChange;
}

const nonce = () => randomUUID().slice(0, 8);

function validBody(raw: string): string {
  const body = raw.trim();
  if (body.length < 1 || body.length > 2_000) throw new BadUserInputError('A comment must be 1 to 2000 characters.');
  return body;
}

function requireAuthor(caller: Caller | null, message: string): Caller {
  if (!caller) throw new UnauthenticatedError(message);
  return caller;
}

/** Comments on articles, and each article's count of them kept right through a crash at any point. */
export class CommentsService {
  constructor(
    private readonly comments: CommentsRepository,
    private readonly counts: CommentCountsRepository,
  ) {}

  listComments(listing: CommentListing, page: PageRequest): Promise<CommentPage> {
    return this.comments.listComments(listing, page);
  }

  /**
   * Comments on an article that the articles service says exists. Without
   * transactions, the count stays right through a crash at any point: the change
   * is recorded on the article's counter first, then the comment is written, then
   * one update moves the count and takes the change off. A change left behind is
   * settled by the next read of the count after SETTLE_AFTER_MS (or the repair).
   * Should the article have been deleted meanwhile, the comment goes with it.
   * SERVICE_UNAVAILABLE (the articles service's error as its cause) when articles cannot say.
   */
  async addComment(articles: ArticlesDirectory, caller: Caller | null, input: { articleId: string; body: string }): Promise<AddedComment> {
    const author = requireAuthor(caller, 'Log in to comment.');
    const body = validBody(input.body);
    let exists: boolean;
    try {
      exists = await articles.exists(input.articleId);
    } catch (error) {
      if (!(error instanceof ArticlesUnavailableError)) throw error;
      throw new ServiceUnavailableError('Comments cannot be added right now: try again in a moment.', { cause: error });
    }
    if (!exists) throw new NotFoundError('There is no article with this id.');
    const comment: CommentRecord = { id: randomUUID(), body, articleId: input.articleId, authorId: author.userId, createdAt: new Date().toISOString() };
    const change = countChange('adding', comment.id, Date.now(), nonce());
    await this.counts.beginCountChange(comment.articleId, change);
    try {
      await this.comments.putComment(comment);
    } catch (error) {
      return this.withdraw(comment.articleId, change, error);
    }
    const unsettled = await this.settle(comment.articleId, change, 1);
    // Written after the article's purge went past? Then it was deleted between the check and the write.
    if (await this.comments.isArticleDeleted(comment.articleId)) {
      await this.purgeArticle(comment.articleId);
      throw new NotFoundError('There is no article with this id.');
    }
    return { comment, ...unsettled };
  }

  /** Deletes a comment of the caller's, lowering its article's count the same crash-safe way. */
  async deleteComment(caller: Caller | null, id: string): Promise<DeletedComment> {
    const author = requireAuthor(caller, 'Log in to delete comments.');
    const comment = await this.comments.getComment(id);
    if (!comment) throw new NotFoundError('There is no comment with this id.');
    if (comment.authorId !== author.userId) throw new ForbiddenError('Only the author may delete this comment.');
    const change = countChange('removing', id, Date.now(), nonce());
    await this.counts.beginCountChange(comment.articleId, change);
    let deleted: CommentRecord | null;
    try {
      deleted = await this.comments.deleteComment(id, author.userId);
    } catch (error) {
      return this.withdraw(comment.articleId, change, error);
    }
    // Deleted by another request in between: that one counts it.
    const unsettled = await this.settle(comment.articleId, change, deleted ? -1 : 0);
    if (!deleted) throw new NotFoundError('There is no comment with this id.');
    return unsettled;
  }

  /**
   * Removes what comments holds of a deleted article: its comments and its
   * count. The article is marked deleted first, so a comment being written at
   * the same time removes itself. Safe to run again: a second run finds nothing.
   */
  async purgeArticle(articleId: string, now = new Date()): Promise<number> {
    await this.comments.markArticleDeleted(articleId, now.toISOString());
    const deleted = await this.comments.deleteCommentsOfArticle(articleId);
    await this.counts.deleteCommentCount(articleId);
    return deleted;
  }

  /** `purgeArticle` for the articles service, which asks when it deletes an article; anyone else is refused. */
  async purgeArticleComments(caller: Caller | null, articleId: string): Promise<number> {
    if (caller?.userId !== ARTICLES_SERVICE_CALLER) throw new ForbiddenError("Only the articles service may remove an article's comments.");
    return this.purgeArticle(articleId);
  }

  /** Takes the change off, moving the count by `delta`; a failure is left for a later read to settle, and said. */
  private async settle(articleId: string, change: CountChange, delta: number): Promise<{ unsettled?: UnsettledChange }> {
    try {
      await this.counts.settleCountChange(articleId, change, delta);
      return {};
    } catch (error) {
      return { unsettled: { change, error } };
    }
  }

  /** After the write failed: takes its change back, and fails with the write's error (and the settle's, if that failed too). */
  private async withdraw(articleId: string, change: CountChange, writeError: unknown): Promise<never> {
    const { unsettled } = await this.settle(articleId, change, 0);
    if (unsettled) throw new AggregateError([writeError, unsettled.error], 'A comment write failed; its count change is left for a later read to settle');
    throw writeError;
  }
}
