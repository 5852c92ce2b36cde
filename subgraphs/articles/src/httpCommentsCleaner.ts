import { type CallIdentity, NoUsableAnswerError, rootFieldOf, type SubgraphClient } from '@bff/kit/client';

import { type CommentsCleaner, CommentsUnavailableError } from './service/commentsCleaner';
import { ARTICLES_SERVICE_CALLER } from './service/serviceCallers';

const PURGE_MUTATION = 'mutation PurgeArticleComments($articleId: ID!) { purgeArticleComments(articleId: $articleId) }';

/**
 * The comments subgraph over the kit's subgraph client (signed, SigV4 where
 * enabled, timed out, behind a breaker; as a mutation, never retried by the
 * client: a purge that fails stays pending), signed as the articles service,
 * with the request id and correlation id of the request being served so that
 * the call can be followed in both services' logs. Null without a URL
 * (`COMMENTS_URL` unset): then comments' own sweep does the clean-up.
 */
export function httpCommentsCleaner(
  client: SubgraphClient,
  url: string | undefined,
  { requestId, correlationId }: Pick<CallIdentity, 'requestId' | 'correlationId'>,
): CommentsCleaner | null {
  if (!url) return null;
  const identity: CallIdentity = { caller: { userId: ARTICLES_SERVICE_CALLER }, requestId, correlationId };
  return {
    async purge(articleId) {
      let removed: unknown;
      try {
        removed = await rootFieldOf(client, { url, query: PURGE_MUTATION, variables: { articleId }, kind: 'mutation', identity });
      } catch (error) {
        if (!(error instanceof NoUsableAnswerError)) throw error;
        throw new CommentsUnavailableError(`comments ${error.message}`, { cause: error });
      }
      if (typeof removed !== 'number') throw new CommentsUnavailableError('comments did not purge: its answer holds no count');
      return removed;
    },
  };
}
