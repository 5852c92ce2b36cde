// The subgraphs under test, in a process of their own: the local DynamoDB store with
// the bench data set, and each subgraph through its real Lambda handler on the local
// API Gateway adapter. Both gateways (ours and the baseline) call these same servers.
// It counts what a query costs: requests per subgraph and DynamoDB calls per command.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { documentClient } from '@bff/kit';

import { demoData } from '../../../dev/src/demoData';
import { startLocalSystem } from '../../../dev/src/localSystem';
import type { Counters, SubgraphsMessage, SubgraphsReady } from './protocol';

const counters: Counters = { requests: {}, dynamodb: {} };

async function main(): Promise<void> {
  const workDir = await mkdtemp(join(tmpdir(), 'bff-bench-subgraphs-'));
  const sizes = JSON.parse(process.env.BENCH_DATA_SIZES ?? '{"users":20,"articles":150,"comments":300}') as Parameters<typeof demoData>[0];
  const data = demoData(sizes);
  const system = await startLocalSystem({
    workDir,
    seed: data,
    instrument: (name, handler) => (event, context) => {
      counters.requests[name] = (counters.requests[name] ?? 0) + 1;
      return handler(event, context);
    },
  });
  // Every service in this process shares the one document client: count each command it sends.
  documentClient().middlewareStack.add(
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
