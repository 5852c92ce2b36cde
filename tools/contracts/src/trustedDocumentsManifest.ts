import { parse, print } from 'graphql';

import { documentHash } from '@bff/gateway/trustedDocuments';

import type { OperationDocument } from './loadOperations';

/**
 * hash → document: what TRUSTED_DOCUMENTS_FILE takes. Keyed by the hash of the
 * document as graphql-js prints it (see `documentHash`), so that a client may
 * send it in any layout, as code generators do.
 */
export function trustedDocumentsManifest(documents: OperationDocument[]): Record<string, string> {
  const manifest: Record<string, string> = {};
  for (const { text } of documents) {
    const printed = print(parse(text));
    manifest[documentHash(printed)] = printed;
  }
  return manifest;
}
