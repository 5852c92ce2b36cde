import { type CallIdentity, SubgraphError, type SubgraphClient } from '@bff/kit';

/** Asks the articles service whether an article exists: the one fact comments needs from it. */
export interface ArticlesDirectory {
  exists(articleId: string): Promise<boolean>;
}

/** The articles service did not answer the question. */
export class ArticlesUnavailableError extends Error {
  override readonly name = 'ArticlesUnavailableError';
}

const EXISTS_QUERY = 'query ArticleExists($id: ID!) { article(id: $id) { id } }';

/**
 * The articles subgraph over the kit's subgraph client (signed as the gateway
 * signs, SigV4 where enabled, timed out, retried, behind a breaker), on behalf
 * of the request being served, so the call can be followed in both services' logs.
 */
export function httpArticlesDirectory(client: SubgraphClient, url: string | undefined, identity: CallIdentity): ArticlesDirectory {
  return {
    async exists(articleId) {
      if (!url) throw new ArticlesUnavailableError('ARTICLES_URL is not set: comments cannot check that articles exist');
      let text: string;
      try {
        ({ text } = await client.request({ url, body: JSON.stringify({ query: EXISTS_QUERY, variables: { id: articleId } }), kind: 'query', identity }));
      } catch (error) {
        if (!(error instanceof SubgraphError)) throw error;
        throw new ArticlesUnavailableError(`articles did not answer (${error.reason})`, { cause: error });
      }
      let body: { data?: { article?: { id: string } | null } };
      try {
        body = JSON.parse(text) as typeof body;
      } catch (error) {
        throw new ArticlesUnavailableError('articles answered something other than JSON', { cause: error });
      }
      if (body.data?.article === undefined) throw new ArticlesUnavailableError('articles answered without data');
      return body.data.article !== null;
    },
  };
}
