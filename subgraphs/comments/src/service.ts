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
  ServiceUnavailableError,
} from '@bff/kit/subgraph';

import { type ArticlesDirectory, ArticlesUnavailableError } from './articlesDirectory';
import * as counts from './commentCountStore';
import { type CommentCount, countChange, type CountChange } from './commentCountStore';
import { ARTICLES_SERVICE_CALLER } from './serviceCallers';
import * as store from './store';
import type { CommentRecord } from './store';

type Comments = DataLoader<string, CommentRecord | null>;

export interface CommentsDeps {
  comments: Comments;
  articles: ArticlesDirectory;
  logger: Logger;
}

function validBody(raw: string): string {
  const body = raw.trim();
  if (body.length < 1 || body.length > 2_000) throw new BadUserInputError('A comment must be 1 to 2000 characters.');
  return body;
}

export async function findComment(comments: Comments, id: string): Promise<CommentRecord | null> {
  return comments.load(id);
}

export async function listAllComments(args: PageArgs): Promise<Connection<CommentRecord>> {
  return store.listComments(store.allComments(), pageRequest(args));
}

export async function listCommentsForArticle(articleId: string, args: PageArgs): Promise<Connection<CommentRecord>> {
  return store.listComments(store.commentsOfArticle(articleId), pageRequest(args));
}

export async function listCommentsByAuthor(authorId: string, args: PageArgs): Promise<Connection<CommentRecord>> {
  return store.listComments(store.commentsOfAuthor(authorId), pageRequest(args));
}

/**
 * A count change this old has no writer left (a subgraph Lambda stops after
 * 10 s, a local request sooner), so whoever finds it settles it.
 */
export const SETTLE_AFTER_MS = 60_000;

const nonce = () => randomUUID().slice(0, 8);

/** Tells the reader the writer's change was not settled; someone will. */
function logUnsettled(deps: CommentsDeps, change: CountChange) {
  return (error: unknown) => {
    deps.logger.error('Comment count change left for a later read to settle', { error: error as Error, commentId: change.commentId, kind: change.kind });
  };
}

/**
 * Comments on an article that the articles service says exists. Without
 * transactions, the count stays right through a crash at any point: the change
 * is written onto the article's counter first, then the comment, then one
 * update moves the count and takes the change off. A change left behind is
 * settled by the next read of the count after SETTLE_AFTER_MS (or the repair).
 * Should the article have been deleted meanwhile, the comment goes with it.
 */
export async function addComment(deps: CommentsDeps, caller: Caller | null, input: { articleId: string; body: string }): Promise<CommentRecord> {
  const author = requireCaller(caller, 'Log in to comment.');
  const body = validBody(input.body);
  let exists: boolean;
  try {
    exists = await deps.articles.exists(input.articleId);
  } catch (error) {
    if (error instanceof ArticlesUnavailableError) {
      deps.logger.error('Could not check the article', { error, articleId: input.articleId });
      throw new ServiceUnavailableError('Comments cannot be added right now: try again in a moment.', { cause: error });
    }
    throw error;
  }
  if (!exists) throw new NotFoundError('There is no article with this id.');
  const comment: CommentRecord = {
    id: randomUUID(),
    body,
    articleId: input.articleId,
    authorId: author.userId,
    createdAt: new Date().toISOString(),
  };
  const change = countChange('adding', comment.id, Date.now(), nonce());
  await counts.beginCountChange(comment.articleId, change);
  try {
    await store.putComment(comment);
  } catch (error) {
    await counts.settleCountChange(comment.articleId, change, 0).catch(logUnsettled(deps, change));
    throw error;
  }
  await counts.settleCountChange(comment.articleId, change, 1).catch(logUnsettled(deps, change));
  // Written after the article's purge went past? Then it was deleted between the check and the write.
  if (await store.isArticleDeleted(comment.articleId)) {
    await purgeArticle(comment.articleId);
    throw new NotFoundError('There is no article with this id.');
  }
  return comment;
}

/** Deletes a comment of the caller's, lowering its article's count the same crash-safe way. */
export async function deleteComment(deps: CommentsDeps, caller: Caller | null, id: string): Promise<boolean> {
  const author = requireCaller(caller, 'Log in to delete comments.');
  const comment = await store.getComment(id);
  if (!comment) throw new NotFoundError('There is no comment with this id.');
  if (comment.authorId !== author.userId) throw new ForbiddenError('Only the author may delete this comment.');
  const change = countChange('removing', id, Date.now(), nonce());
  await counts.beginCountChange(comment.articleId, change);
  let deleted: CommentRecord | null;
  try {
    deleted = await store.deleteComment(id, author.userId);
  } catch (error) {
    await counts.settleCountChange(comment.articleId, change, 0).catch(logUnsettled(deps, change));
    throw error;
  }
  if (!deleted) {
    // Deleted by another request in between: that one counts it.
    await counts.settleCountChange(comment.articleId, change, 0).catch(logUnsettled(deps, change));
    throw new NotFoundError('There is no comment with this id.');
  }
  await counts.settleCountChange(comment.articleId, change, -1).catch(logUnsettled(deps, change));
  return true;
}

const isAbandoned = (change: CountChange, settleAfterMs: number, now: number) => now - change.startedAt >= settleAfterMs;

/**
 * Settles the changes whose writers stopped: an addition counts if its comment
 * was stored, a removal if its comment is gone, and either is then taken off.
 * (An ordinary read decides: the change is older than any replica's lag.)
 * Returns how many it settled.
 */
export async function settleAbandonedChanges(found: CommentCount[], settleAfterMs = SETTLE_AFTER_MS, now = Date.now()): Promise<number> {
  const abandoned = found.flatMap(({ articleId, changes }) =>
    changes.filter((change) => isAbandoned(change, settleAfterMs, now)).map((change) => ({ articleId, change })),
  );
  if (abandoned.length === 0) return 0;
  const stored = new Set((await store.getComments([...new Set(abandoned.map(({ change }) => change.commentId))])).map((comment) => comment.id));
  let settled = 0;
  for (const { articleId, change } of abandoned) {
    const happened = stored.has(change.commentId) === (change.kind === 'adding');
    const delta = !happened ? 0 : change.kind === 'adding' ? 1 : -1;
    if (await counts.settleCountChange(articleId, change, delta)) settled++;
  }
  return settled;
}

/**
 * The comment counts of many articles, from their counters (one BatchGetItem
 * per 100). A counter holding a change that no writer will finish is settled
 * first, so a gap left by a crash closes at the next read.
 */
export async function readCommentCounts(articleIds: readonly string[], now = Date.now()): Promise<Map<string, number>> {
  let found = await counts.getCommentCounts(articleIds);
  const unsettled = found.filter(({ changes }) => changes.some((change) => isAbandoned(change, SETTLE_AFTER_MS, now)));
  if (unsettled.length > 0) {
    await settleAbandonedChanges(unsettled, SETTLE_AFTER_MS, now);
    const again = await counts.getCommentCounts(unsettled.map(({ articleId }) => articleId));
    found = [...found.filter((count) => !unsettled.includes(count)), ...again];
  }
  return new Map(found.map(({ articleId, count }) => [articleId, count]));
}

/** What a recount did: the counter's value before and the comments stored. */
export interface Recount {
  articleId: string;
  was: number;
  counted: number;
  changed: boolean;
}

/**
 * Counts the article's stored comments and writes that into its counter, with
 * every pending change dropped, unless a writer is at work on it (a change
 * younger than `settleAfterMs`: null, try later) or moves it meanwhile (counted
 * again). With nothing else running (`settleAfterMs` 0) the count is exact.
 */
export async function recountComments(articleId: string, settleAfterMs = SETTLE_AFTER_MS, now = Date.now()): Promise<Recount | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const counter = await counts.getCommentCount(articleId);
    if (counter?.changes.some((change) => !isAbandoned(change, settleAfterMs, now))) return null;
    const counted = await counts.countStoredComments(articleId);
    const was = counter?.count ?? 0;
    if (counted === was && !counter?.changes.length) return { articleId, was, counted, changed: false };
    if (await counts.writeRecount(articleId, counted, counter?.version ?? null)) return { articleId, was, counted, changed: true };
  }
  return null;
}

/**
 * Removes what comments holds of a deleted article: its comments and its
 * count. The article is marked deleted first, so a comment being written at
 * the same time removes itself. Safe to run again: a second run finds nothing.
 */
export async function purgeArticle(articleId: string, now = new Date()): Promise<number> {
  await store.markArticleDeleted(articleId, now.toISOString());
  const deleted = await store.deleteCommentsOfArticle(articleId);
  await counts.deleteCommentCount(articleId);
  return deleted;
}

/** `purgeArticle` for the articles service, which asks when it deletes an article; anyone else is refused. */
export async function purgeArticleComments(caller: Caller | null, articleId: string): Promise<number> {
  if (caller?.userId !== ARTICLES_SERVICE_CALLER) throw new ForbiddenError("Only the articles service may remove an article's comments.");
  return purgeArticle(articleId);
}
