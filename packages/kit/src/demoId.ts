import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id that is the same on every run for the same kind and number,
 * so demo data written by different services refers to the same entities.
 */
export function demoId(kind: string, n: number): string {
  const hex = createHash('sha256').update(`${kind}:${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
