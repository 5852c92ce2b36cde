import addComment from '../../../frontend/src/operations/AddComment.graphql';
import articleList from '../../../frontend/src/operations/ArticleList.graphql';
import articlePage from '../../../frontend/src/operations/ArticlePage.graphql';
import createArticle from '../../../frontend/src/operations/CreateArticle.graphql';
import me from '../../../frontend/src/operations/Me.graphql';

/** What a client knows when it sends its next operation. */
export interface ClientContext {
  clientIndex: number;
  /** How many requests this client has sent before. */
  sequence: number;
  articleIds: readonly string[];
  /** The article list's second page: some visitors page on. */
  secondPageCursor: string | null;
  random: () => number;
}

/** A write the run compares with what the services stored. */
export type WriteKind = 'comment' | 'article';

/** One of the frontend's operations, as the load sends it. */
export interface LoadOperation {
  /** The operation's name in its document. */
  name: string;
  document: string;
  /** Its share of requests, relative to the others' weights. */
  weight: number;
  variables(context: ClientContext): Record<string, unknown> | undefined;
  /** For a mutation: what it writes, and whether an answer's data acknowledges the write. */
  write?: { kind: WriteKind; acknowledged(data: Record<string, unknown>): boolean };
}

export type ClientMix = readonly LoadOperation[];

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;
const hasId = (value: unknown): boolean => typeof (value as { id?: unknown } | null)?.id === 'string';

/**
 * The frontend's traffic, as its screens send it: a visit opens the article list
 * and then an article, so reads dominate (list 35 %, article page 40 %); the
 * signed-in header asks `Me` on each page load (10 %); commenting is the common
 * write (13 %, the write the issue measured, frequent enough to count writes in a
 * short run); writing an article is rare (2 %). The documents are the frontend's
 * own files, so the load follows the screens when they change.
 */
export const FRONTEND_MIX: ClientMix = [
  {
    name: 'ArticleList',
    document: articleList,
    weight: 35,
    // One visitor in five pages on, as the list's "older" link does.
    variables: ({ random, secondPageCursor }) => ({ first: 20, after: secondPageCursor && random() < 0.2 ? secondPageCursor : null }),
  },
  {
    name: 'ArticlePage',
    document: articlePage,
    weight: 40,
    variables: ({ random, articleIds }) => ({ id: pick(articleIds, random), commentsAfter: null }),
  },
  { name: 'Me', document: me, weight: 10, variables: () => undefined },
  {
    name: 'AddComment',
    document: addComment,
    weight: 13,
    variables: ({ random, articleIds, clientIndex, sequence }) => ({
      input: { articleId: pick(articleIds, random), body: `Load test comment ${clientIndex}-${sequence}` },
    }),
    write: { kind: 'comment', acknowledged: (data) => hasId(data.addComment) },
  },
  {
    name: 'CreateArticle',
    document: createArticle,
    weight: 2,
    variables: ({ clientIndex, sequence }) => ({
      input: { title: `Load test article ${clientIndex}-${sequence}`, body: 'Written by npm run load.' },
    }),
    write: { kind: 'article', acknowledged: (data) => hasId(data.createArticle) },
  },
];

/** Picks an operation in proportion to the weights. */
export function pickOperation<T extends { weight: number }>(mix: readonly T[], random: () => number): T {
  const total = mix.reduce((sum, operation) => sum + operation.weight, 0);
  let left = random() * total;
  for (const operation of mix) {
    left -= operation.weight;
    if (left < 0) return operation;
  }
  return mix[mix.length - 1]!;
}
