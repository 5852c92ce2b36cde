import { type CallIdentity, SubgraphError, type SubgraphClient } from '@bff/kit/client';

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
  return {
    async purge(articleId) {
      let text: string;
      try {
        ({ text } = await client.request({
          url,
          body: JSON.stringify({ query: PURGE_MUTATION, variables: { articleId } }),
          kind: 'mutation',
          identity: { caller: { userId: ARTICLES_SERVICE_CALLER }, requestId, correlationId },
        }));
      } catch (error) {
        if (!(error instanceof SubgraphError)) throw error;
        throw new CommentsUnavailableError(`comments did not answer (${error.reason})`, { cause: error });
      }
      let body: { data?: { purgeArticleComments?: number } | null; errors?: { message: string; extensions?: { code?: string } }[] };
      try {
        body = JSON.parse(text) as typeof body;
      } catch (error) {
        throw new CommentsUnavailableError('comments answered something other than JSON', { cause: error });
      }
      const removed = body.data?.purgeArticleComments;
      if (typeof removed !== 'number') {
        const error = body.errors?.[0];
        throw new CommentsUnavailableError(`comments did not purge (${error?.extensions?.code ?? 'no data'}: ${error?.message ?? ''})`);
      }
      return removed;
    },
  };
}
