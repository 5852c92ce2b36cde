import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { ErrorCode } from '@bff/kit/errors';
import { type DocumentNode, GraphQLError, print } from 'graphql';

import type { GatewayPlugin } from './gatewayPlugin';

/** hash (see `documentHash`) → document. */
type TrustedDocuments = Map<string, string>;

/** Reads a manifest, `{"<sha256>": "<document>"}` (written by `npm run schema:update`). */
function loadTrustedDocuments(file: string): TrustedDocuments {
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const documents: TrustedDocuments = new Map();
  for (const [hash, document] of Object.entries(manifest)) {
    if (typeof document !== 'string') throw new Error(`${file}: the entry ${hash} is not a document`);
    documents.set(hash, document);
  }
  return documents;
}

/**
 * sha256 (hex) of a document as graphql-js prints it: layout, comments and
 * indentation do not change it. A client sending only the hash (as an automatic
 * persisted query) hashes `print(parse(document))`.
 */
export const documentHash = (printed: string) => createHash('sha256').update(printed).digest('hex');

export interface TrustedDocumentsOptions {
  /** The manifest (TRUSTED_DOCUMENTS_FILE); none: every operation is accepted. */
  file: string | undefined;
  /** Refuse operations not in the manifest (TRUSTED_DOCUMENTS_ONLY; by default in production when a manifest is given). */
  enforce: boolean;
}

/**
 * Accepts only the frontend's registered operations: a request may send the
 * document or just its hash (as an automatic persisted query), and either must
 * be in the manifest. Anything else is refused once it is parsed and its operation
 * resolved (403 OPERATION_NOT_TRUSTED), before it is planned or sent to a subgraph:
 * matching the printed document, not the text, lets any layout of a registered operation through.
 * The manifest is read when the gateway is made, so a missing or broken one stops it there.
 */
export function trustedDocuments({ file, enforce }: TrustedDocumentsOptions): GatewayPlugin {
  if (!file || !enforce) return { name: 'trustedDocuments' };
  const documents = loadTrustedDocuments(file);
  // Apollo Server hands out the same parsed document for a query it has seen: print and hash it once.
  const hashes = new WeakMap<DocumentNode, string>();
  const hashOf = (document: DocumentNode) => {
    let hash = hashes.get(document);
    if (hash === undefined) hashes.set(document, (hash = documentHash(print(document))));
    return hash;
  };
  return {
    name: 'trustedDocuments',
    apollo: {
      requestDidStart({ request }) {
        // A registered operation may come as its hash alone.
        const hash = (request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
        if (request.query === undefined && typeof hash === 'string' && documents.has(hash)) {
          request.query = documents.get(hash);
        }
        return Promise.resolve({
          // Thrown here (not earlier), Apollo Server answers with this error and its status.
          didResolveOperation({ document }) {
            if (!documents.has(hashOf(document))) {
              throw new GraphQLError('Only registered operations are accepted here.', {
                extensions: { code: ErrorCode.OPERATION_NOT_TRUSTED, http: { status: 403 } },
              });
            }
            return Promise.resolve();
          },
        });
      },
    },
  };
}
