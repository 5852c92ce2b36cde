function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString();
}

/**
 * "by <author> · <date>", with the date of the last edit when there was one. The author is
 * null when the users service did not answer: the rest still shows, by "unknown author".
 */
export function Byline({ author, createdAt, updatedAt }: { author: string | null; createdAt: string; updatedAt?: string }) {
  const edited = updatedAt !== undefined && updatedAt !== createdAt;
  return (
    <p className="byline">
      by {author === null ? <span className="author unknown">unknown author</span> : <span className="author">{author}</span>} ·{' '}
      <time dateTime={createdAt}>{formatDate(createdAt)}</time>
      {edited && (
        <>
          {' '}
          (edited <time dateTime={updatedAt}>{formatDate(updatedAt)}</time>)
        </>
      )}
    </p>
  );
}
