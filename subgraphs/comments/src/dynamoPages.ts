/** A Query's or Scan's answer, as far as paging goes. */
interface Paged {
  LastEvaluatedKey?: Record<string, unknown>;
}

/**
 * Reads every page of a Query or Scan: `read` sends it from a start key (none
 * for the first page), `onPage` takes each page, and the next starts where the
 * last stopped.
 */
export async function forEachPage<T extends Paged>(
  read: (startKey: Record<string, unknown> | undefined) => Promise<T>,
  onPage: (page: T) => void | Promise<void>,
): Promise<void> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await read(startKey);
    await onPage(page);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}
