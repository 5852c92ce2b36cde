import { useMemo, useSyncExternalStore } from 'react';

/**
 * Hash routing (`#/articles/<id>`): the app is static files, so any host can serve it
 * without rewriting paths to index.html.
 */
export type Route =
  | { page: 'articles' }
  | { page: 'article'; id: string }
  | { page: 'write' }
  | { page: 'login' }
  | { page: 'signup' }
  | { page: 'notFound' };

/** The links of the app, in one place. */
export const paths = {
  articles: '#/',
  article: (id: string) => `#/articles/${encodeURIComponent(id)}`,
  write: '#/write',
  login: '#/login',
  signup: '#/signup',
} as const;

const FIXED: Record<string, Route> = {
  '/': { page: 'articles' },
  '/write': { page: 'write' },
  '/login': { page: 'login' },
  '/signup': { page: 'signup' },
};

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const fixed = FIXED[path];
  if (fixed) return fixed;
  const article = /^\/articles\/([^/]+)$/.exec(path);
  if (article?.[1]) {
    try {
      return { page: 'article', id: decodeURIComponent(article[1]) };
    } catch {
      // A malformed escape: no such page.
    }
  }
  return { page: 'notFound' };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => parseRoute(hash), [hash]);
}

export function navigate(path: string): void {
  window.location.hash = path;
}
