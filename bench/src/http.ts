import { Agent, request } from 'undici';

import { type GraphQLBody, problemOf } from './queries';

// One keep-alive client for every sequential request of the bench.
const agent = new Agent({ keepAliveTimeout: 30_000, connections: 4 });

/** POSTs a GraphQL body; rejects unless the answer is 200 with data and no errors. Returns the raw text. */
export async function postChecked(url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<string> {
  const response = await request(url, { method: 'POST', body, headers, dispatcher: agent });
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`${url}: status ${response.statusCode}: ${text.slice(0, 500)}`);
  const problem = problemOf(JSON.parse(text) as GraphQLBody);
  if (problem) throw new Error(`${url}: ${problem}`);
  return text;
}

export const closeHttp = () => agent.close();
