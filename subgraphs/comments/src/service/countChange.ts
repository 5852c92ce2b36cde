/**
 * A change to an article's count that a writer has begun: recorded on the
 * counter before the comment is stored (or deleted), taken off in the same
 * atomic update that moves the count. One left behind is a writer that stopped
 * in between: a reader or the repair settles it by looking at the comment.
 */
export interface CountChange {
  kind: 'adding' | 'removing';
  commentId: string;
  /** Epoch milliseconds: a change older than any request can live has no writer left. */
  startedAt: number;
  /** `<commentId>@<startedAt>@<nonce>`: what the counter holds, unique per change. */
  token: string;
}

export function countChange(kind: CountChange['kind'], commentId: string, startedAt: number, nonce: string): CountChange {
  return { kind, commentId, startedAt, token: `${commentId}@${startedAt}@${nonce}` };
}

/** The change a token stands for. */
export function parseCountChange(kind: CountChange['kind'], token: string): CountChange {
  const [commentId = '', startedAt = '0'] = token.split('@');
  return { kind, commentId, startedAt: Number(startedAt), token };
}
