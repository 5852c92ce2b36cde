import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One document of frontend operations, as checked in. */
export interface OperationDocument {
  /** Where it lives, relative to the repository, for messages. */
  file: string;
  text: string;
}

/** Every `.graphql` file under `dir`, sorted by path so the manifest is stable. */
export function loadOperations(dir: string, root = dir): OperationDocument[] {
  const documents: OperationDocument[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) documents.push(...loadOperations(path, root));
    else if (entry.name.endsWith('.graphql')) documents.push({ file: relative(root, path), text: readFileSync(path, 'utf8') });
  }
  return documents;
}
