import { randomUUID } from 'node:crypto';

import type { Caller, Connection, PageRequest } from '@bff/kit/core';
import { BadUserInputError, ForbiddenError, NotFoundError, UnauthenticatedError } from '@bff/kit/errors';

import type { ArticleRecord, ArticlesRepository } from './articlesRepository';
import { type CommentsCleaner, CommentsUnavailableError } from './commentsCleaner';
import { COMMENTS_SERVICE_CALLER } from './serviceCallers';

/** What became of one deleted article's clean-up (its comments, in the comments service). */
export type Cleanup =
  | { articleId: string; outcome: 'purged'; commentsRemoved: number }
  /** No comments service to ask (no COMMENTS_URL): comments' own sweep will do it. */
  | { articleId: string; outcome: 'left-to-sweep' }
  /** The comments service did not do it: it stays pending. */
  | { articleId: string; outcome: 'pending'; error: CommentsUnavailableError };

/** What a delete did besides deleting: the clean-ups it tried, and what went wrong trying (the delete stands either way). */
export interface ArticleDeletion {
  cleanups: Cleanup[];
  failure?: unknown;
}

export interface ArticleInput {
  title: string;
  body: string;
}

export interface ArticleChanges {
  title?: string | null;
  body?: string | null;
}

/** How many pending clean-ups a delete finishes on the side, at most. */
const CLEANUPS_PER_DELETE = 25;

/** The text trimmed, if it is 1 to `max` characters long then. */
function validText(raw: string, what: 'Title' | 'Body', max: number): string {
  const text = raw.trim();
  if (text.length < 1 || text.length > max) throw new BadUserInputError(`${what} must be 1 to ${max} characters.`);
  return text;
}

const validTitle = (raw: string) => validText(raw, 'Title', 200);
const validBody = (raw: string) => validText(raw, 'Body', 20_000);

function requireAuthor(caller: Caller | null): Caller {
  if (!caller) throw new UnauthenticatedError('Log in to write articles.');
  return caller;
}

function requireCommentsService(caller: Caller | null): void {
  if (caller?.userId !== COMMENTS_SERVICE_CALLER) throw new ForbiddenError('Only the comments service may ask this.');
}

/** Articles: who may write, change and delete them, and how a delete is cleaned up in the comments service. */
export class ArticlesService {
  /** `comments` is null when this service cannot call comments (no COMMENTS_URL): comments' sweep then cleans up. */
  constructor(
    private readonly repository: ArticlesRepository,
    private readonly comments: CommentsCleaner | null,
  ) {}

  listArticles(page: PageRequest): Promise<Connection<ArticleRecord>> {
    return this.repository.listArticles(page);
  }

  listArticlesByAuthor(authorId: string, page: PageRequest): Promise<Connection<ArticleRecord>> {
    return this.repository.listArticlesByAuthor(authorId, page);
  }

  async createArticle(caller: Caller | null, input: ArticleInput): Promise<ArticleRecord> {
    const author = requireAuthor(caller);
    const now = new Date().toISOString();
    const article: ArticleRecord = {
      id: randomUUID(),
      title: validTitle(input.title),
      body: validBody(input.body),
      authorId: author.userId,
      createdAt: now,
      updatedAt: now,
    };
    await this.repository.putArticle(article);
    return article;
  }

  async updateArticle(caller: Caller | null, id: string, input: ArticleChanges): Promise<ArticleRecord> {
    const author = requireAuthor(caller);
    const changes = {
      ...(input.title != null ? { title: validTitle(input.title) } : {}),
      ...(input.body != null ? { body: validBody(input.body) } : {}),
    };
    if (Object.keys(changes).length === 0) throw new BadUserInputError('Give a new title or body.');
    const updated = await this.repository.updateArticle(id, author.userId, changes, new Date().toISOString());
    if (!updated) throw await this.refusal(id);
    return updated;
  }

  /**
   * Deletes an article of the caller's. It is gone for every reader at once (a
   * tombstone replaces it in one write); then the comments service removes its
   * comments and count, and the tombstone goes. Should comments not answer, the
   * delete still succeeds: the tombstone records the clean-up, which the next
   * delete, comments' own sweep (it asks for pending clean-ups) or `npm run
   * repair` finishes.
   */
  async deleteArticle(caller: Caller | null, id: string): Promise<ArticleDeletion> {
    const author = requireAuthor(caller);
    if (!(await this.repository.tombstoneArticle(id, author.userId, new Date().toISOString()))) throw await this.refusal(id);
    const cleanups: Cleanup[] = [];
    try {
      cleanups.push(await this.finishDeletion(id));
      // With comments answering, clean-ups left by earlier failures go now too.
      if (cleanups[0]?.outcome === 'purged') cleanups.push(...(await this.finishPendingDeletions(CLEANUPS_PER_DELETE)));
    } catch (failure) {
      return { cleanups, failure };
    }
    return { cleanups };
  }

  /**
   * Tries up to `max` pending clean-ups, oldest first, stopping at the first
   * that comments does not do (it is the last one returned). A delete does a few; the repair, all.
   */
  async finishPendingDeletions(max: number): Promise<Cleanup[]> {
    const cleanups: Cleanup[] = [];
    for (const { id } of await this.repository.pendingDeletions(max)) {
      const cleanup = await this.finishDeletion(id);
      cleanups.push(cleanup);
      if (cleanup.outcome !== 'purged') break;
    }
    return cleanups;
  }

  /** For the comments service's sweep: deleted articles whose comments may still be there, oldest first. */
  async listPendingDeletions(caller: Caller | null, first: number): Promise<string[]> {
    requireCommentsService(caller);
    if (!Number.isInteger(first) || first < 1 || first > 100) throw new BadUserInputError('"first" must be between 1 and 100.');
    return (await this.repository.pendingDeletions(first)).map(({ id }) => id);
  }

  /** For the comments service, once it has removed a deleted article's comments: the clean-up is done. */
  async confirmDeletionCleanup(caller: Caller | null, id: string): Promise<boolean> {
    requireCommentsService(caller);
    await this.repository.removeTombstone(id);
    return true;
  }

  /** Has comments purge a deleted article, then drops its tombstone. */
  private async finishDeletion(articleId: string): Promise<Cleanup> {
    if (!this.comments) return { articleId, outcome: 'left-to-sweep' };
    let commentsRemoved: number;
    try {
      commentsRemoved = await this.comments.purge(articleId);
    } catch (error) {
      if (!(error instanceof CommentsUnavailableError)) throw error;
      return { articleId, outcome: 'pending', error };
    }
    await this.repository.removeTombstone(articleId);
    return { articleId, outcome: 'purged', commentsRemoved };
  }

  /** Tells apart "no such article" and "not yours" after a conditional write refused. */
  private async refusal(id: string): Promise<Error> {
    return (await this.repository.getArticles([id])).length > 0
      ? new ForbiddenError('Only the author may change this article.')
      : new NotFoundError('There is no article with this id.');
  }
}
