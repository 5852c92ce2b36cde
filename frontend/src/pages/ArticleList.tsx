import { useState } from 'react';

import { useQuery } from '../api/useQuery';
import { Byline } from '../components/Byline';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageTitle } from '../components/PageTitle';
import { ArticleListDocument } from '../gql/graphql';
import { paths } from '../router';

const PAGE_SIZE = 10;

/** All articles, newest first, ten at a time. */
export function ArticleList() {
  // The cursor of each page opened so far (null: the newest); the last one is shown, so "Newer" pops it.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const result = useQuery(ArticleListDocument, { first: PAGE_SIZE, after });
  const articles = result.status === 'done' ? result.data.articles : null;
  const olderCursor = articles?.pageInfo.hasNextPage ? articles.pageInfo.endCursor : null;

  return (
    <>
      <PageTitle>Articles</PageTitle>
      {result.status === 'loading' && <p className="muted">Loading…</p>}
      {result.status === 'failed' && <ErrorMessage error={result.error} />}
      {articles && articles.nodes.length === 0 && <p className="muted">No articles yet.</p>}
      {articles && articles.nodes.length > 0 && (
        <ul aria-label="Articles" className="article-list">
          {articles.nodes.map((article) => (
            <li key={article.id}>
              <a className="article-link" href={paths.article(article.id)}>
                {article.title}
              </a>
              <div className="article-meta">
                <Byline author={article.author?.name ?? null} createdAt={article.createdAt} />
                {/* Null while the comments service is down: no count rather than a wrong one. */}
                {article.commentCount !== null && (
                  <span className="muted">
                    {article.commentCount} {article.commentCount === 1 ? 'comment' : 'comments'}
                  </span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="pager">
        {cursors.length > 1 && (
          <button type="button" className="secondary" onClick={() => setCursors((stack) => stack.slice(0, -1))}>
            <span aria-hidden="true">←</span> Newer articles
          </button>
        )}
        {olderCursor && (
          <button type="button" className="secondary older" onClick={() => setCursors((stack) => [...stack, olderCursor])}>
            Older articles <span aria-hidden="true">→</span>
          </button>
        )}
      </div>
    </>
  );
}
