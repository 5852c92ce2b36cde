// One subgraph of the gateway-only scenario (argv[2]: accounts, products, inventory
// or reviews) in a process of its own, through the kit's real subgraph handler on the
// local API Gateway adapter: it checks the gateway's signature on every call and
// answers from memory. Counts its requests for the bench.
import { serveLambda } from '@bff/kit/local';
import { createSubgraphHandler } from '@bff/kit/subgraph';

import { SHOP_SUBGRAPH_NAMES, type ShopSubgraphName, shopSubgraph } from '../gatewayOnly/shopSubgraphs';
import { childSettings } from './childSettings';
import type { ShopCountersReply, ShopSubgraphReady, SubgraphsMessage } from './protocol';

async function main(): Promise<void> {
  const name = process.argv[2] as ShopSubgraphName;
  if (!SHOP_SUBGRAPH_NAMES.includes(name)) throw new Error(`usage: shopSubgraph.js <${SHOP_SUBGRAPH_NAMES.join('|')}>`);
  const { runtime, secrets, shutdownGraceMs } = childSettings(process.env);
  const handler = createSubgraphHandler({ ...shopSubgraph(name), settings: runtime, secrets });
  let requests = 0;
  const server = await serveLambda(
    (event, context) => {
      requests++;
      return handler(event, context);
    },
    { name: `${name}-bench-graphql`, port: 0, host: '127.0.0.1', shutdownGraceMs },
  );
  process.on('message', (message: SubgraphsMessage) => {
    if (message.type !== 'counters') return;
    const reply: ShopCountersReply = { type: 'counters', requests };
    process.send?.(reply);
    if (message.reset) requests = 0;
  });
  const stop = () => process.exit(0);
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  const ready: ShopSubgraphReady = { type: 'ready', name, url: `${server.origin}/graphql` };
  process.send?.(ready);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
