import { randomUUID } from 'node:crypto';

import {
  BadUserInputError,
  type Caller,
  type Connection,
  type DataLoader,
  ForbiddenError,
  type Logger,
  NotFoundError,
  type PageArgs,
  pageRequest,
  requireCaller,
} from '@bff/kit/subgraph';

import { type CommentsCleaner, CommentsUnavailableError } from './commentsCleaner';
import { COMMENTS_SERVICE_CALLER } from './serviceCallers';
import * as store from './store';
import type { ArticleRecord } from './store';

type Articles = DataLoader<string, ArticleRecord | null>;

export interface ArticlesDeps {
  articles: Articles;
  /** Null when this service cannot call comments (no COMMENTS_URL): comments' sweep then cleans up. */
  comments: CommentsCleaner | null;
  logger: Logger;
}

function validTitle(raw: string): string {
  const title = raw.trim();
  if (title.length < 1 || title.length > 200) throw new BadUserInputError('Title must be 1 to 200 characters.');
  return title;
}

function validBody(raw: string): string {
  const body = raw.trim();
  if (body.length < 1 || body.length > 20_000) throw new BadUserInputError('Body must be 1 to 20000 characters.');
  return body;
}

export async function findArticle(articles: Articles, id: string): Promise<ArticleRecord | null> {
  return articles.load(id);
}

export async function listArticles(args: PageArgs): Promise<Connection<ArticleRecord>> {
  return store.listArticles(pageRequest(args));
}

export async function listArticlesByAuthor(authorId: string, args: PageArgs): Promise<Connection<ArticleRecord>> {
  return store.listArticlesByAuthor(authorId, pageRequest(args));
}

export async function createArticle(caller: Caller | null, input: { title: string; body: string }): Promise<ArticleRecord> {
  const author = requireCaller(caller, 'Log in to write articles.');
  const now = new Date().toISOString();
  const article: ArticleRecord = {
    id: randomUUID(),
    title: validTitle(input.title),
    body: validBody(input.body),
    authorId: author.userId,
    createdAt: now,
    updatedAt: now,
  };
  await store.putArticle(article);
  return article;
}

/** Tells apart "no such article" and "not yours" after a conditional write refused. */
async function refusal(articles: Articles, id: string): Promise<Error> {
  articles.clear(id);
  return (await articles.load(id))
    ? new ForbiddenError('Only the author may change this article.')
    : new NotFoundError('There is no article with this id.');
}

export async function updateArticle(
  articles: Articles,
  caller: Caller | null,
  id: string,
  input: { title?: string | null; body?: string | null },
): Promise<ArticleRecord> {
  const author = requireCaller(caller, 'Log in to write articles.');
  const changes = {
    ...(input.title != null ? { title: validTitle(input.title) } : {}),
    ...(input.body != null ? { body: validBody(input.body) } : {}),
  };
  if (Object.keys(changes).length === 0) throw new BadUserInputError('Give a new title or body.');
  const updated = await store.updateArticle(id, author.userId, changes, new Date().toISOString());
  if (!updated) throw await refusal(articles, id);
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
export async function deleteArticle(deps: ArticlesDeps, caller: Caller | null, id: string): Promise<boolean> {
  const author = requireCaller(caller, 'Log in to write articles.');
  if (!(await store.tombstoneArticle(id, author.userId, new Date().toISOString()))) throw await refusal(deps.articles, id);
  deps.articles.clear(id);
  try {
    // With comments answering, clean-ups left by earlier failures go now too.
    if ((await finishDeletion(deps, id)) !== null) await finishPendingDeletions(deps);
  } catch (error) {
    // The article is deleted whatever goes wrong here: the tombstone keeps the clean-up for later.
    deps.logger.error('Article deleted; finishing its clean-up failed', { articleId: id, error: error as Error });
  }
  return true;
}

/** Has comments purge a deleted article, then drops its tombstone: the comments removed, or null (logged) when comments did not do it. */
async function finishDeletion(deps: Pick<ArticlesDeps, 'comments' | 'logger'>, id: string): Promise<number | null> {
  if (!deps.comments) {
    deps.logger.info('Article deleted; the comments service removes its comments when it next looks', { articleId: id });
    return null;
  }
  let removed: number;
  try {
    removed = await deps.comments.purge(id);
  } catch (error) {
    if (!(error instanceof CommentsUnavailableError)) throw error;
    deps.logger.warn('Article deleted; removing its comments is pending until the comments service answers', { articleId: id, error });
    return null;
  }
  await store.removeTombstone(id);
  deps.logger.info('Article deleted with its comments', { articleId: id, commentsRemoved: removed });
  return removed;
}

/** A deleted article's clean-up, done. */
export interface FinishedDeletion {
  articleId: string;
  commentsRemoved: number;
}

/**
 * Finishes up to `max` pending clean-ups, oldest first, stopping at the first
 * that comments does not do. A request does a few (25); the repair, all.
 */
export async function finishPendingDeletions(deps: Pick<ArticlesDeps, 'comments' | 'logger'>, max = 25): Promise<FinishedDeletion[]> {
  const finished: FinishedDeletion[] = [];
  for (const { id } of await store.pendingDeletions(max)) {
    const commentsRemoved = await finishDeletion(deps, id);
    if (commentsRemoved === null) break;
    finished.push({ articleId: id, commentsRemoved });
  }
  return finished;
}

function requireCommentsService(caller: Caller | null): void {
  if (caller?.userId !== COMMENTS_SERVICE_CALLER) throw new ForbiddenError('Only the comments service may ask this.');
}

/** For the comments service's sweep: deleted articles whose comments may still be there, oldest first. */
export async function listPendingDeletions(caller: Caller | null, first: number): Promise<string[]> {
  requireCommentsService(caller);
  if (!Number.isInteger(first) || first < 1 || first > 100) throw new BadUserInputError('"first" must be between 1 and 100.');
  return (await store.pendingDeletions(first)).map(({ id }) => id);
}

/** For the comments service, once it has removed a deleted article's comments: the clean-up is done. */
export async function confirmDeletionCleanup(caller: Caller | null, id: string): Promise<boolean> {
  requireCommentsService(caller);
  await store.removeTombstone(id);
  return true;
}
