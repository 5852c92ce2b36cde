import { GetParameterCommand, ParameterNotFound, PutParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';

import type { SubgraphDefinition } from '@bff/gateway/compose';
import { defaultSupergraphParameter, SsmRegistry } from '@bff/gateway/ssmRegistry';
import { supergraphParameterValue } from './supergraphParameter';

export type PublishOutcome =
  | { status: 'written' | 'unchanged'; parameter: string; bytes: number }
  | { status: 'too-large'; parameter: string; bytes: number }
  | { status: 'incomplete'; parameter: string; missingSdl: string[] }
  | { status: 'empty'; parameter: string };

/**
 * After a deploy: composes the supergraph from the registry as the stacks left it
 * (each subgraph's deployed URL and checked-in SDL) and writes it to the registry's
 * `supergraph` parameter with its hash, so that no gateway cold start composes.
 * Writes nothing when an entry has no SDL (the gateway introspects it), when the
 * supergraph does not fit in a parameter, or when the parameter already holds it;
 * in each case the gateway composes as before, correct and slower.
 */
export async function publishSupergraph(client: SSMClient, registryPrefix: string): Promise<PublishOutcome> {
  const parameter = defaultSupergraphParameter(registryPrefix);
  const { subgraphs } = await new SsmRegistry(registryPrefix, { client, supergraphParameter: null }).read();
  if (subgraphs.length === 0) return { status: 'empty', parameter };
  const missingSdl = subgraphs.filter((entry) => entry.sdl === undefined).map((entry) => entry.name);
  if (missingSdl.length) return { status: 'incomplete', parameter, missingSdl };
  const { value, bytes, fits } = supergraphParameterValue(subgraphs as SubgraphDefinition[]);
  if (!fits) return { status: 'too-large', parameter, bytes };
  let current: string | undefined;
  try {
    current = (await client.send(new GetParameterCommand({ Name: parameter }))).Parameter?.Value;
  } catch (error) {
    if (!(error instanceof ParameterNotFound)) throw error;
  }
  if (current === value) return { status: 'unchanged', parameter, bytes };
  await client.send(
    new PutParameterCommand({
      Name: parameter,
      Value: value,
      Type: 'String',
      // Standard while it fits in 4 KB, Advanced up to 8 KB, as the registry's entries.
      Tier: 'Intelligent-Tiering',
      Overwrite: true,
      Description: 'The supergraph composed at deploy time from the subgraphs in the registry, with their hash (npm run deploy writes it)',
    }),
  );
  return { status: 'written', parameter, bytes };
}
