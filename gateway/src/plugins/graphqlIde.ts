import { ErrorCode, graphqlErrorBody } from '@bff/kit/core';

import type { GatewayEvent, GatewayPlugin, GatewayResult } from './gatewayPlugin';

const EXAMPLE_QUERY = `# The BFF's client schema: every subgraph behind one endpoint.
# Sign in with the login mutation, then set the header
# {"Authorization": "Bearer <token>"} below.
query Articles {
  articles(first: 5) {
    nodes {
      title
      author { name }
      commentCount
      comments(first: 3) { nodes { body author { name } } }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

/** A browser opening the gateway's URL: a GET that asks for HTML and carries no GraphQL query. */
function wantsIde(event: GatewayEvent): boolean {
  return (
    event.requestContext.http.method === 'GET' &&
    (event.headers.accept ?? '').includes('text/html') &&
    !new URLSearchParams(event.rawQueryString).has('query')
  );
}

// Named through a variable, so that no bundler pulls the page into a Lambda bundle and
// the type-check does not take in the package's DOM-flavoured types.
const IDE_PACKAGE = '@graphql-yoga/render-graphiql';
type RenderGraphiQL = (options: { title: string; endpoint: string; defaultQuery: string }) => string;

/**
 * GraphiQL for a browser at the gateway's URL (GRAPHQL_IDE; outside production by default),
 * served from the installed @graphql-yoga/render-graphiql: the page
 * inlines GraphiQL, its editor and workers (about 9 MB), so it needs no CDN and
 * works offline. Loaded and rendered on the first visit only, never at cold start.
 * The Lambda bundle leaves the package out (a Lambda response could not carry
 * the page anyway): where it is not installed the IDE answers 404.
 */
export function graphqlIde(enabled: boolean): GatewayPlugin {
  let page: Promise<string> | undefined;
  const ideResponse = async (endpoint: string): Promise<GatewayResult> => {
    page ??= (import(IDE_PACKAGE) as Promise<{ renderGraphiQL: RenderGraphiQL }>).then(({ renderGraphiQL }) =>
      renderGraphiQL({ title: 'BFF gateway · GraphiQL', endpoint, defaultQuery: EXAMPLE_QUERY }),
    );
    try {
      return { statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body: await page };
    } catch {
      page = undefined;
      return graphqlErrorBody(404, 'The GraphQL IDE is not part of this build: it is served by `npm start` only. POST GraphQL requests here.', ErrorCode.NOT_FOUND);
    }
  };
  return {
    name: 'graphqlIde',
    ...(enabled ? { onEvent: (event, next) => (wantsIde(event) ? ideResponse(event.rawPath) : next()) } : {}),
  };
}
