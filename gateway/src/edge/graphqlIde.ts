import { graphqlErrorBody } from '@bff/kit/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

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
export function wantsIde(event: APIGatewayProxyEventV2): boolean {
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

let page: Promise<string> | undefined;

/**
 * GraphiQL, served from the installed @graphql-yoga/render-graphiql: the page
 * inlines GraphiQL, its editor and workers (about 9 MB), so it needs no CDN and
 * works offline. Loaded and rendered on the first visit only, never at cold start.
 * The Lambda bundle leaves the package out (a Lambda response could not carry
 * the page anyway): where it is not installed the IDE answers 404.
 */
export async function ideResponse(endpoint: string): Promise<APIGatewayProxyStructuredResultV2> {
  page ??= (import(IDE_PACKAGE) as Promise<{ renderGraphiQL: RenderGraphiQL }>).then(({ renderGraphiQL }) =>
    renderGraphiQL({ title: 'BFF gateway · GraphiQL', endpoint, defaultQuery: EXAMPLE_QUERY }),
  );
  try {
    return { statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body: await page };
  } catch {
    page = undefined;
    return graphqlErrorBody(404, 'The GraphQL IDE is not part of this build: it is served by `npm start` only. POST GraphQL requests here.', 'NOT_FOUND');
  }
}
