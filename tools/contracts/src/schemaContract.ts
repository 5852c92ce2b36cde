import { join } from 'node:path';

import { type ClientSchema, composeClientSchema } from './clientSchema';
import { CLIENT_SCHEMA_HEADER, CONTRACT_FILES, readSubgraphSdls } from './contractFiles';
import { crossSubgraphNullability, describeNullabilityProblems, type NullabilityProblem } from './crossSubgraphNullability';
import { loadOperations } from './loadOperations';
import { trustedDocumentsManifest } from './trustedDocumentsManifest';
import { checkOperations, type OperationProblem } from './checkOperations';

/**
 * What the contracts should say for the code as it is: the composed client schema, the
 * operations checked against it, and the subgraphs' fields that break the cross-subgraph
 * nullability rule (see `crossSubgraphNullability`).
 */
export interface ContractState extends ClientSchema {
  /** The client schema file as `schema:update` writes it: header, then `clientSdl`. */
  clientSchemaText: string;
  manifest: Record<string, string>;
  manifestText: string;
  problems: OperationProblem[];
  nullability: NullabilityProblem[];
}

export function computeContract(root: string): ContractState {
  const subgraphs = readSubgraphSdls(root);
  const client = composeClientSchema(subgraphs);
  const operations = loadOperations(join(root, CONTRACT_FILES.operations));
  const manifest = trustedDocumentsManifest(operations);
  return {
    ...client,
    clientSchemaText: `${CLIENT_SCHEMA_HEADER}${client.clientSdl}`,
    manifest,
    manifestText: `${JSON.stringify(manifest, null, 2)}\n`,
    problems: checkOperations(client.schema, operations),
    nullability: crossSubgraphNullability(subgraphs),
  };
}

export function describeProblems(problems: OperationProblem[]): string {
  return problems.map((problem) => `${problem.file}: operation ${problem.operation}: ${problem.message}`).join('\n');
}

/** What a contract command found: whether it passed, and what to tell the person who ran it. */
export interface ContractOutcome {
  ok: boolean;
  report: string;
}

/**
 * The refusal both commands give before looking at schema changes: fields that break the
 * nullability rule, then frontend operations the new schema does not serve (`heading`
 * introduces those); undefined when there is neither.
 */
export function contractRefusal(contract: ContractState, heading: string): ContractOutcome | undefined {
  if (contract.nullability.length) {
    return {
      ok: false,
      report: [
        `Refused: ${contract.nullability.length} subgraph field(s) would let one service that is down blank other services' data:`,
        describeNullabilityProblems(contract.nullability),
        'Make each field nullable in its subgraph (and have the frontend show something for null).',
      ].join('\n'),
    };
  }
  if (contract.problems.length) return { ok: false, report: `${heading}:\n${describeProblems(contract.problems)}` };
  return undefined;
}
