import type { Counters } from './children/protocol';
import { postChecked } from './http';
import { nestedQuery } from './queries';

export interface FanOutResult {
  engine: string;
  n: number;
  subgraphRequests: number;
  requestsBySubgraph: Record<string, number>;
  dynamodbCalls: number;
  dynamodbByCommand: Record<string, number>;
  /** ≤ 4 subgraph requests. */
  requestsMet: boolean;
  /** DynamoDB calls no more than N = 1's times ⌈N/100⌉. */
  dynamodbMet: boolean;
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, count) => total + count, 0);

/** Sends the nested query once per N and reads what it cost from the subgraphs' counters. */
export async function measureFanOut(
  engine: string,
  gatewayUrl: string,
  sizes: number[],
  counters: (reset: boolean) => Promise<Counters>,
): Promise<FanOutResult[]> {
  const results: FanOutResult[] = [];
  let base: number | undefined;
  for (const n of sizes) {
    await counters(true);
    const text = await postChecked(gatewayUrl, JSON.stringify({ query: nestedQuery(n) }));
    const nodes = (JSON.parse(text) as { data: { articles: { nodes: unknown[] } } }).data.articles.nodes;
    if (nodes.length !== n) throw new Error(`fan-out: asked for ${n} articles, got ${nodes.length}: seed more`);
    const counted = await counters(true);
    const dynamodbCalls = sum(counted.dynamodb);
    base ??= dynamodbCalls;
    results.push({
      engine,
      n,
      subgraphRequests: sum(counted.requests),
      requestsBySubgraph: counted.requests,
      dynamodbCalls,
      dynamodbByCommand: counted.dynamodb,
      requestsMet: sum(counted.requests) <= 4,
      dynamodbMet: dynamodbCalls <= base * Math.ceil(n / 100),
    });
  }
  return results;
}
