import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** Calls `onLine` with each line a child process prints on `stream`. */
export function readLines(stream: Readable | null, onLine: (line: string) => void): void {
  if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
}
