import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  type ClientSchema,
  composeClientSchema,
  checkOperations,
  loadOperations,
  type OperationProblem,
  trustedDocumentsManifest,
} from '@bff/gateway/contracts';

/** Where the contracts live in the repository. */
export const CONTRACT_FILES = {
  clientSchema: 'gateway/schema.graphql',
  manifest: 'gateway/trusted-documents.json',
  changes: 'gateway/SCHEMA_CHANGES.md',
  operations: 'gateway/operations',
} as const;

/** Each subgraph's checked-in SDL: `subgraphs/<name>/schema.graphql`. */
export function readSubgraphSdls(root: string): { name: string; url: string; sdl: string }[] {
  return readdirSync(join(root, 'subgraphs'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, url: `http://${name}.invalid/graphql`, sdl: readFileSync(join(root, 'subgraphs', name, 'schema.graphql'), 'utf8') }));
}

/** What the contracts should say for the code as it is: the composed client schema, and the operations checked against it. */
export interface ContractState extends ClientSchema {
  manifest: Record<string, string>;
  problems: OperationProblem[];
}

export function computeContract(root: string, subgraphs = readSubgraphSdls(root)): ContractState {
  const client = composeClientSchema(subgraphs);
  const operations = loadOperations(join(root, CONTRACT_FILES.operations));
  return { ...client, manifest: trustedDocumentsManifest(operations), problems: checkOperations(client.schema, operations) };
}

export function describeProblems(problems: OperationProblem[]): string {
  return problems.map((problem) => `${problem.file}: operation ${problem.operation}: ${problem.message}`).join('\n');
}
