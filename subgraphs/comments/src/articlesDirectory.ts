import { envOptional, iamSigningEnabled, signedForIam, signInternalHeaders } from '@bff/kit';

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
 * The articles subgraph over HTTP (ARTICLES_URL), signed as the gateway signs
 * (subgraphs answer no one else), with the request's correlation id so that the
 * call can be followed in both services' logs.
 */
export function httpArticlesDirectory(correlationId: string, timeoutMs = 3_000): ArticlesDirectory {
  return {
    async exists(articleId) {
      const url = envOptional('ARTICLES_URL');
      if (!url) throw new ArticlesUnavailableError('ARTICLES_URL is not set: comments cannot check that articles exist');
      let body: { data?: { article?: { id: string } | null } };
      const request = JSON.stringify({ query: EXISTS_QUERY, variables: { id: articleId } });
      const headers = {
        'content-type': 'application/json',
        'x-correlation-id': correlationId,
        ...(await signInternalHeaders(request, null, correlationId)),
      };
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: iamSigningEnabled() ? await signedForIam(url, { method: 'POST', headers, body: request }) : headers,
          body: request,
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        body = (await response.json()) as typeof body;
      } catch (error) {
        throw new ArticlesUnavailableError(`articles did not answer (${(error as Error).message})`, { cause: error });
      }
      if (body.data?.article === undefined) throw new ArticlesUnavailableError('articles answered without data');
      return body.data.article !== null;
    },
  };
}
