import { randomUUID } from 'node:crypto';

import {
  BadUserInputError,
  type Caller,
  type Connection,
  type DataLoader,
  ForbiddenError,
  NotFoundError,
  type PageArgs,
  pageRequest,
  requireCaller,
} from '@bff/kit';

import * as store from './store';
import type { ArticleRecord } from './store';

type Articles = DataLoader<string, ArticleRecord | null>;

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

export async function deleteArticle(articles: Articles, caller: Caller | null, id: string): Promise<boolean> {
  const author = requireCaller(caller, 'Log in to write articles.');
  if (!(await store.deleteArticle(id, author.userId))) throw await refusal(articles, id);
  return true;
}
