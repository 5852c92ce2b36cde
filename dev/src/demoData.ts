import { demoId } from '@bff/kit';
import type { ArticleRecord } from '@bff/articles/articlesRepository';
import type { CommentRecord } from '@bff/comments/commentsRepository';

/** A demo account: it signs in with its email and DEMO_PASSWORD. */
export interface DemoUser {
  id: string;
  name: string;
  email: string;
  createdAt: string;
}

/** Every demo account's password, printed by `npm start`. */
export const DEMO_PASSWORD = 'demo-password';

/** The demo data set: the same on every run, so links and examples stay valid. */
export interface DemoData {
  users: DemoUser[];
  articles: ArticleRecord[];
  comments: CommentRecord[];
}

const NAMES = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Edsger Dijkstra'];
const TOPICS = ['Lambda cold starts', 'GraphQL federation', 'DynamoDB keys', 'Query planning', 'Cursor pagination', 'Schema contracts'];
const ANGLES = ['in practice', 'without tears', 'revisited', 'for frontends', 'at scale', 'on a budget'];
const WORDS =
  'the gateway plans each query across the subgraphs and every service owns its table so a frontend asks once and gets one answer'.split(' ');

/** A small seeded PRNG (mulberry32): deterministic text without a dependency. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next: () => number, words: number): string {
  const text = Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const BASE_TIME = Date.UTC(2026, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString();

export function demoData(sizes = { users: 5, articles: 30, comments: 200 }): DemoData {
  const next = random(42);
  const users = Array.from({ length: sizes.users }, (_, i) => ({
    id: demoId('user', i),
    name: NAMES[i % NAMES.length] + (i >= NAMES.length ? ` ${Math.floor(i / NAMES.length) + 1}` : ''),
    email: `${NAMES[i % NAMES.length]!.split(' ')[0]!.toLowerCase()}${i >= NAMES.length ? i : ''}@example.com`,
    createdAt: iso(BASE_TIME + i * 60_000),
  }));
  const articles = Array.from({ length: sizes.articles }, (_, i) => {
    const createdAt = iso(BASE_TIME + 86_400_000 + i * 3_600_000);
    return {
      id: demoId('article', i),
      title: `${TOPICS[i % TOPICS.length]} ${ANGLES[Math.floor(i / TOPICS.length) % ANGLES.length]}`,
      body: Array.from({ length: 3 }, () => sentence(next, 12)).join(' '),
      authorId: users[i % users.length]!.id,
      createdAt,
      updatedAt: createdAt,
    };
  });
  const comments = Array.from({ length: sizes.comments }, (_, i) => {
    const article = articles[Math.floor(next() * articles.length)]!;
    return {
      id: demoId('comment', i),
      body: sentence(next, 8),
      articleId: article.id,
      authorId: users[Math.floor(next() * users.length)]!.id,
      createdAt: iso(Date.parse(article.createdAt) + (i + 1) * 60_000),
    };
  });
  return { users, articles, comments };
}
