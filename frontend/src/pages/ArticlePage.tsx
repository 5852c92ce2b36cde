import { useQuery } from '../api/useQuery';
import { Byline } from '../components/Byline';
import { Comments } from '../components/Comments';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageTitle } from '../components/PageTitle';
import { ArticlePageDocument } from '../gql/graphql';
import { paths } from '../router';

/** One article with its comments. */
export function ArticlePage({ id }: { id: string }) {
  const result = useQuery(ArticlePageDocument, { id });
  if (result.status === 'loading') return <p className="muted">Loading…</p>;
  if (result.status === 'failed') return <ErrorMessage error={result.error} />;

  const { article } = result.data;
  if (!article) {
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
      <Byline author={article.author.name} createdAt={article.createdAt} updatedAt={article.updatedAt} />
      <div className="article-body">{article.body}</div>
      {/* Keyed by article, so the comments' own state starts over on another article. */}
      <Comments key={article.id} articleId={article.id} commentCount={article.commentCount} firstPage={article.comments} />
    </article>
  );
}
