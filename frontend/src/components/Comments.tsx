import { useState } from 'react';

import { ApiError, execute, executeWithErrors } from '../api/client';
import { useAction } from '../api/useAction';
import { AddCommentDocument, ArticlePageDocument, type ArticlePageQuery, DeleteCommentDocument } from '../gql/graphql';
import { useSession } from '../session';
import { Byline } from './Byline';
import { ErrorMessage } from './ErrorMessage';
import { Field } from './Field';

type CommentPage = NonNullable<NonNullable<ArticlePageQuery['article']>['comments']>;
type Comment = CommentPage['nodes'][number];

interface CommentsProps {
  articleId: string;
  /** Null when the comments service did not answer. */
  commentCount: number | null;
  /** The first page, as ArticlePage brought it; null when the comments service did not answer. */
  firstPage: CommentPage | null;
}

/**
 * An article's comments, newest first, with paging, a form to add one and Delete on the
 * viewer's own. The list is kept here and changed in place, so adding or deleting does
 * not load the page again. Without a first page (the comments service is down) a notice
 * stands in place of the comments and the form.
 */
export function Comments({ articleId, commentCount, firstPage }: CommentsProps) {
  const session = useSession();
  const [comments, setComments] = useState<Comment[]>(firstPage?.nodes ?? []);
  const [pageInfo, setPageInfo] = useState(firstPage?.pageInfo ?? null);
  const [count, setCount] = useState(commentCount);
  const more = useAction();
  const viewerId = session.status === 'signedIn' ? session.me.id : null;
  const nextCursor = pageInfo?.hasNextPage ? pageInfo.endCursor : null;

  function loadMore(after: string) {
    void more.run(async () => {
      // ArticlePage again, from the cursor: the comments' paging is part of that operation.
      const {
        data: { article },
        errors,
      } = await executeWithErrors(ArticlePageDocument, { id: articleId, commentsAfter: after });
      if (!article) throw errors[0] ?? new ApiError('NOT_FOUND', 'The article is gone.', 200);
      if (!article.comments) throw errors[0] ?? new ApiError('SERVICE_UNAVAILABLE', 'The comments did not come back.', 200);
      const next = article.comments.nodes;
      // Skip any already shown (one written here is also on the server's pages).
      setComments((shown) => [...shown, ...next.filter((comment) => !shown.some((known) => known.id === comment.id))]);
      setPageInfo(article.comments.pageInfo);
    });
  }

  if (firstPage === null) {
    return (
      <section className="comments">
        <h2>Comments</h2>
        <p role="status" className="notice">
          Comments are unavailable right now. Try again in a moment.
        </p>
      </section>
    );
  }

  return (
    <section className="comments">
      <h2>{count === null ? 'Comments' : `Comments (${count})`}</h2>
      <CommentForm
        articleId={articleId}
        onAdded={(comment) => {
          setComments((shown) => [comment, ...shown]);
          setCount((n) => (n === null ? null : n + 1));
        }}
      />
      {comments.length > 0 && (
        <ul aria-label="Comments" className="comment-list">
          {comments.map((comment) => (
            <CommentItem
              key={comment.id}
              comment={comment}
              canDelete={viewerId !== null && comment.author?.id === viewerId}
              onDeleted={() => {
                setComments((shown) => shown.filter((known) => known.id !== comment.id));
                setCount((n) => (n === null ? null : Math.max(0, n - 1)));
              }}
            />
          ))}
        </ul>
      )}
      {comments.length === 0 && <p className="muted">No comments yet.</p>}
      <ErrorMessage error={more.error} />
      {nextCursor && (
        <button type="button" className="secondary" disabled={more.pending} onClick={() => loadMore(nextCursor)}>
          Load more comments
        </button>
      )}
    </section>
  );
}

/** Shown to everyone: a visitor who posts is told by the server to log in. */
function CommentForm({ articleId, onAdded }: { articleId: string; onAdded: (comment: Comment) => void }) {
  const [body, setBody] = useState('');
  const { run, pending, error } = useAction();
  return (
    <form
      className="comment-form"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          const { addComment } = await execute(AddCommentDocument, { input: { articleId, body } });
          onAdded(addComment);
          setBody('');
        });
      }}
    >
      <Field label="Comment" rows={3} value={body} onChange={setBody} />
      <ErrorMessage error={error} />
      <button type="submit" disabled={pending}>
        Post comment
      </button>
    </form>
  );
}

function CommentItem({ comment, canDelete, onDeleted }: { comment: Comment; canDelete: boolean; onDeleted: () => void }) {
  const { run, pending, error } = useAction();
  return (
    <li className="comment">
      <p className="comment-body">{comment.body}</p>
      <div className="comment-footer">
        <Byline author={comment.author?.name ?? null} createdAt={comment.createdAt} />
        {canDelete && (
          <button
            type="button"
            className="link-button"
            disabled={pending}
            onClick={() =>
              void run(async () => {
                // False means it was gone already: either way it is no longer there.
                await execute(DeleteCommentDocument, { id: comment.id });
                onDeleted();
              })
            }
          >
            Delete
          </button>
        )}
      </div>
      <ErrorMessage error={error} />
    </li>
  );
}
