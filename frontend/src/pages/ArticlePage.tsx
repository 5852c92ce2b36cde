import { useQuery } from '../api/useQuery';
import { Byline } from '../components/Byline';
import { Comments } from '../components/Comments';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageTitle } from '../components/PageTitle';
import { ArticlePageDocument } from '../gql/graphql';
import { paths } from '../router';

/**
 * One article with its comments. What one service could not give is null in the answer and shown
 * as such ("unknown author", a notice where the comments would be): the rest of the page still shows.
 */
export function ArticlePage({ id }: { id: string }) {
  const result = useQuery(ArticlePageDocument, { id });
  if (result.status === 'loading') return <p className="muted">Loading…</p>;
  if (result.status === 'failed') return <ErrorMessage error={result.error} />;

  const { article } = result.data;
  if (!article) {
    // Null with an error: the articles service did not answer, which says nothing about whether the article exists.
    const [error] = result.errors;
    if (error) {
      return (
        <>
          <PageTitle>Article unavailable</PageTitle>
          <ErrorMessage error={error} />
        </>
      );
    }
    return (
      <>
        <PageTitle>Article not found</PageTitle>
        <p>
          There is no article here: it may have been deleted. <a href={paths.articles}>See all articles</a>.
        </p>
      </>
    );
  }
  return (
    <article>
      <PageTitle>{article.title}</PageTitle>
      <Byline author={article.author?.name ?? null} createdAt={article.createdAt} updatedAt={article.updatedAt} />
      <div className="article-body">{article.body}</div>
      {/* Keyed by article, so the comments' own state starts over on another article. */}
      <Comments key={article.id} articleId={article.id} commentCount={article.commentCount} firstPage={article.comments} />
    </article>
  );
}
