import { type CallIdentity, NoUsableAnswerError, rootFieldOf, type SubgraphClient } from '@bff/kit/client';

import { type ArticlesDirectory, ArticlesUnavailableError } from './service/articlesDirectory';
import { COMMENTS_SERVICE_CALLER } from './service/serviceCallers';

const EXISTS_QUERY = 'query ArticleExists($id: ID!) { article(id: $id) { id } }';
const PENDING_QUERY = 'query PendingArticleDeletions($first: Int!) { pendingArticleDeletions(first: $first) }';
const CONFIRM_MUTATION = 'mutation ConfirmArticleCleanup($id: ID!) { confirmArticleCleanup(id: $id) }';

/**
 * The articles subgraph over the kit's subgraph client (signed as the gateway
 * signs, SigV4 where enabled, timed out, retried for queries, behind a
 * breaker). `exists` asks on behalf of the request being served, so the call
 * can be followed in both services' logs; the clean-up calls are signed as the
 * comments service, the one caller articles answers them for.
 */
export function httpArticlesDirectory(client: SubgraphClient, url: string | undefined, identity: CallIdentity): ArticlesDirectory {
  const asService: CallIdentity = { caller: { userId: COMMENTS_SERVICE_CALLER }, requestId: identity.requestId, correlationId: identity.correlationId };

  /** The operation's one root field, or ArticlesUnavailableError for anything else. */
  async function ask<T>(query: string, variables: Record<string, unknown>, kind: 'query' | 'mutation', as: CallIdentity): Promise<T> {
    if (!url) throw new ArticlesUnavailableError('ARTICLES_URL is not set: comments cannot ask the articles service');
    try {
      return await rootFieldOf<T>(client, { url, query, variables, kind, identity: as });
    } catch (error) {
      if (!(error instanceof NoUsableAnswerError)) throw error;
      throw new ArticlesUnavailableError(`articles ${error.message}`, { cause: error });
    }
  }

  return {
    async exists(articleId) {
      return (await ask<{ id: string } | null>(EXISTS_QUERY, { id: articleId }, 'query', identity)) !== null;
    },
    async pendingDeletions(first) {
      return ask<string[]>(PENDING_QUERY, { first }, 'query', asService);
    },
    async confirmCleanup(articleId) {
      await ask<boolean>(CONFIRM_MUTATION, { id: articleId }, 'mutation', asService);
    },
  };
}
