function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString();
}

/** "by <author> · <date>", with the date of the last edit when there was one. */
export function Byline({ author, createdAt, updatedAt }: { author: string; createdAt: string; updatedAt?: string }) {
  const edited = updatedAt !== undefined && updatedAt !== createdAt;
  return (
    <p className="byline">
      by <span className="author">{author}</span> · <time dateTime={createdAt}>{formatDate(createdAt)}</time>
      {edited && (
        <>
          {' '}
          (edited <time dateTime={updatedAt}>{formatDate(updatedAt)}</time>)
        </>
      )}
    </p>
  );
}
