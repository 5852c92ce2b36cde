import { postGraphQL } from '@bff/kit/local';

import articleList from '../../../frontend/src/operations/ArticleList.graphql';
import login from '../../../frontend/src/operations/Login.graphql';
import { DEMO_PASSWORD, demoData } from '../demoData';

/** What the clients share: the demo accounts' tokens and the articles to read and comment on. */
export interface ClientSetup {
  tokens: string[];
  articleIds: string[];
  secondPageCursor: string | null;
}

interface ArticleListData {
  articles: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

async function send<TData>(gatewayUrl: string, what: string, document: string, variables: Record<string, unknown>): Promise<TData> {
  const result = await postGraphQL<TData>(gatewayUrl, document, variables);
  if (!result.body.data || result.body.errors?.length) {
    throw new Error(`Load setup: ${what} failed (HTTP ${result.status}): ${JSON.stringify(result.body.errors ?? result.body)}`);
  }
  return result.body.data;
}

/**
 * Logs in once with each demo account and reads the first two pages of the
 * article list, as the frontend does. One login per account, not per client: a
 * login costs ~190 ms of CPU (scrypt) and logins are limited per source IP.
 */
export async function prepareClients(gatewayUrl: string): Promise<ClientSetup> {
  const tokens: string[] = [];
  for (const user of demoData().users) {
    const data = await send<{ login: { token: string } }>(gatewayUrl, `login as ${user.email}`, login, { email: user.email, password: DEMO_PASSWORD });
    tokens.push(data.login.token);
  }
  const first = await send<ArticleListData>(gatewayUrl, 'the article list', articleList, { first: 20, after: null });
  const secondPageCursor = first.articles.pageInfo.hasNextPage ? first.articles.pageInfo.endCursor : null;
  const second = secondPageCursor
    ? await send<ArticleListData>(gatewayUrl, 'the article list, page 2', articleList, { first: 20, after: secondPageCursor })
    : undefined;
  const articleIds = [...first.articles.nodes, ...(second?.articles.nodes ?? [])].map((article) => article.id);
  if (articleIds.length === 0) throw new Error('Load setup: the system has no articles to read.');
  return { tokens, articleIds, secondPageCursor };
}
