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
} from '@bff/kit';

import { type ArticlesDirectory, ArticlesUnavailableError } from './articlesDirectory';
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
 * Comments on an article that the articles service says exists. The comment is
 * written first, then the article's count is raised with an atomic ADD; there
 * are no transactions, so if the count update fails after its retries the
 * comment stays and the failure is logged (the count is then one short).
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
  await store.putComment(comment);
  await store.addToCommentCount(comment.articleId, 1).catch((error: unknown) => {
    deps.logger.error('Comment stored but its article count was not raised', { error: error as Error, commentId: comment.id });
  });
  return comment;
}

export async function deleteComment(deps: CommentsDeps, caller: Caller | null, id: string): Promise<boolean> {
  const author = requireCaller(caller, 'Log in to delete comments.');
  const deleted = await store.deleteComment(id, author.userId);
  if (!deleted) {
    deps.comments.clear(id);
    throw (await deps.comments.load(id))
      ? new ForbiddenError('Only the author may delete this comment.')
      : new NotFoundError('There is no comment with this id.');
  }
  await store.addToCommentCount(deleted.articleId, -1).catch((error: unknown) => {
    deps.logger.error('Comment deleted but its article count was not lowered', { error: error as Error, commentId: id });
  });
  return true;
}
