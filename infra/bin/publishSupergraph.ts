// Run by `npm run deploy` after every deploy (infra/scripts/cdk.mjs): writes the
// registry's supergraph parameter for the stage, so that no gateway cold start composes.
//   node .build/infra/publishSupergraph.js --app <app> --stage <stage>
// AWS credentials and region as for the deploy (AWS_PROFILE, AWS_REGION, ...).
import { parseArgs } from 'node:util';

import { SSMClient } from '@aws-sdk/client-ssm';

import { publishSupergraph } from '../lib/supergraph/publishSupergraph';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { app: { type: 'string', default: 'bff' }, stage: { type: 'string', default: 'dev' } } });
  const prefix = `/${values.app}/${values.stage}/subgraphs/`;
  const outcome = await publishSupergraph(new SSMClient({}), prefix);
  const messages: Record<typeof outcome.status, string> = {
    written: `wrote the supergraph to ${outcome.parameter}${'bytes' in outcome ? ` (${outcome.bytes} bytes)` : ''}`,
    unchanged: `${outcome.parameter} already holds the supergraph of these subgraphs`,
    'too-large': `the supergraph does not fit in ${outcome.parameter}${'bytes' in outcome ? ` (${outcome.bytes} bytes of 8192)` : ''}: the gateway composes it at cold start`,
    incomplete: `not composed: ${'missingSdl' in outcome ? outcome.missingSdl.join(', ') : ''} in the registry without SDL: the gateway introspects and composes at cold start`,
    empty: `no subgraphs under ${prefix}: nothing to compose`,
  };
  console.log(`supergraph: ${messages[outcome.status]}`);
}

main().catch((error: unknown) => {
  // The deploy itself succeeded: the gateway composes at cold start until this is put right.
  console.error(`supergraph: not written (${error instanceof Error ? error.message : String(error)}); the gateway composes at cold start`);
  process.exit(1);
});
