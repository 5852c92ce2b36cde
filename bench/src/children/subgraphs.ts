// The subgraphs under test, in a process of their own: the local DynamoDB store with
// the bench data set, and each subgraph through its real Lambda handler on the local
// API Gateway adapter. Both gateways (ours and the baseline) call these same servers.
// It counts what a query costs: requests per subgraph and DynamoDB calls per command.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { demoData } from '@bff/dev/demoData';
import { startLocalSystem } from '@bff/dev/localSystem';

import { childSettings } from './childSettings';
import type { Counters, SubgraphsMessage, SubgraphsReady } from './protocol';

const counters: Counters = { requests: {}, dynamodb: {} };

async function main(): Promise<void> {
  const workDir = await mkdtemp(join(tmpdir(), 'bff-bench-subgraphs-'));
  // Parsed here for the data's sizes; the services parse the same environment (tables, secrets) as the stacks set it.
  const { dataSizes } = childSettings(process.env);
  const data = demoData(dataSizes);
  const system = await startLocalSystem({
    workDir,
    env: process.env,
    seed: data,
    instrument: (name, handler) => (event, context) => {
      counters.requests[name] = (counters.requests[name] ?? 0) + 1;
      return handler(event, context);
    },
  });
  // Every service in this process shares the store's one document client: count each command it sends.
  system.stores.client.middlewareStack.add(
    (next, context) => (args) => {
      const command = context.commandName ?? 'unknown';
      counters.dynamodb[command] = (counters.dynamodb[command] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name: 'benchCounter' },
  );

  process.on('message', (message: SubgraphsMessage) => {
    if (message.type === 'counters') {
      process.send?.({ type: 'counters', counters: structuredClone(counters) });
      if (message.reset) {
        counters.requests = {};
        counters.dynamodb = {};
      }
    }
  });
  // Exits without closing the store: requests still queued from a load test would fail noisily on a closed one.
  const stop = () => void rm(workDir, { recursive: true, force: true }).finally(() => process.exit(0));
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  const ready: SubgraphsReady = {
    type: 'ready',
    subgraphs: system.subgraphs,
    storeEndpoint: system.storeEndpoint,
    articleIds: data.articles.map((article) => article.id),
    userIds: data.users.map((user) => user.id),
  };
  process.send?.(ready);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
