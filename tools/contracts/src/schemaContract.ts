import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { type ClientSchema, composeClientSchema } from './clientSchema';
import { crossSubgraphNullability, describeNullabilityProblems, type NullabilityProblem } from './crossSubgraphNullability';
import { checkOperations, loadOperations, type OperationProblem, trustedDocumentsManifest } from './operations';
import { describeChanges, diffSchemas } from './schemaDiff';

/** Where the contracts live in the repository. */
export const CONTRACT_FILES = {
  clientSchema: 'gateway/schema.graphql',
  manifest: 'gateway/trusted-documents.json',
  changes: 'gateway/SCHEMA_CHANGES.md',
  operations: 'frontend/src/operations',
} as const;

/** Each subgraph's checked-in SDL: `subgraphs/<name>/schema.graphql`. */
export function readSubgraphSdls(root: string): { name: string; url: string; sdl: string }[] {
  return readdirSync(join(root, 'subgraphs'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, 'subgraphs', entry.name, 'schema.graphql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, url: `http://${name}.invalid/graphql`, sdl: readFileSync(join(root, 'subgraphs', name, 'schema.graphql'), 'utf8') }));
}

/**
 * What the contracts should say for the code as it is: the composed client schema, the
 * operations checked against it, and the subgraphs' fields that break the cross-subgraph
 * nullability rule (see `crossSubgraphNullability`).
 */
export interface ContractState extends ClientSchema {
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

/** The refusal for fields that break the nullability rule, naming each; undefined when there are none. */
function nullabilityRefusal(problems: NullabilityProblem[]): ContractOutcome | undefined {
  if (!problems.length) return undefined;
  return {
    ok: false,
    report: [
      `Refused: ${problems.length} subgraph field(s) would let one service that is down blank other services' data:`,
      describeNullabilityProblems(problems),
      'Make each field nullable in its subgraph (and have the frontend show something for null).',
    ].join('\n'),
  };
}

/**
 * `schema:update`: composes the subgraphs, refuses fields that break the
 * cross-subgraph nullability rule, checks the frontend's operations
 * against the result, and rewrites the client schema and the trusted-documents
 * manifest. A breaking change is refused unless a reason is given; then it is
 * recorded in SCHEMA_CHANGES.md.
 */
export function updateContracts(root: string, allowBreaking?: string, today = new Date()): ContractOutcome {
  const file = (name: string) => join(root, name);
  const contract = computeContract(root);
  const refused = nullabilityRefusal(contract.nullability);
  if (refused) return refused;
  if (contract.problems.length) {
    return { ok: false, report: `The frontend's operations do not validate against the new client schema:\n${describeProblems(contract.problems)}` };
  }
  const before = existsSync(file(CONTRACT_FILES.clientSchema)) ? readFileSync(file(CONTRACT_FILES.clientSchema), 'utf8') : undefined;
  const changes = before ? diffSchemas(before, contract.clientSdl) : [];
  const breaking = changes.filter((change) => change.kind === 'breaking');
  const report = [`Client schema changes:\n${describeChanges(changes)}`];
  if (breaking.length && !allowBreaking) {
    report.push(
      `Refused: ${breaking.length} breaking change(s) to the client schema; deployed frontends may depend on what changes.`,
      'If this is intended, run again with --allow-breaking "<why, and who was told>".',
    );
    return { ok: false, report: report.join('\n\n') };
  }
  writeFileSync(file(CONTRACT_FILES.clientSchema), contract.clientSdl);
  writeFileSync(file(CONTRACT_FILES.manifest), contract.manifestText);
  if (breaking.length && allowBreaking) {
    const entry = [`## ${today.toISOString().slice(0, 10)}: ${allowBreaking}`, '', ...breaking.map((change) => `- ${change.description}`), ''].join('\n');
    const log = existsSync(file(CONTRACT_FILES.changes))
      ? readFileSync(file(CONTRACT_FILES.changes), 'utf8')
      : '# Breaking changes to the client schema\n\nEach was declared with `npm run schema:update -- --allow-breaking "<reason>"`.\n\n';
    writeFileSync(file(CONTRACT_FILES.changes), `${log}${entry}\n`);
    report.push(`Recorded in ${CONTRACT_FILES.changes}.`);
  }
  report.push(`Wrote ${CONTRACT_FILES.clientSchema} and ${CONTRACT_FILES.manifest}.`);
  return { ok: true, report: report.join('\n\n') };
}

/**
 * `schema:check`: refuses fields that break the cross-subgraph nullability
 * rule; then, without a ref, whether the checked-in contracts match the
 * code; with one, the client schema against the one at that git ref (for a
 * pull request), failing on breaking changes.
 */
export function checkContracts(root: string, against?: string): ContractOutcome {
  const contract = computeContract(root);
  const refused = nullabilityRefusal(contract.nullability);
  if (refused) return refused;
  if (contract.problems.length) return { ok: false, report: `Frontend operations that no longer validate:\n${describeProblems(contract.problems)}` };
  let before: string;
  if (against) {
    try {
      before = execFileSync('git', ['show', `${against}:${CONTRACT_FILES.clientSchema}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      return { ok: false, report: `Cannot read ${CONTRACT_FILES.clientSchema} at ${against}: ${((error as { stderr?: string }).stderr ?? String(error)).trim()}` };
    }
  } else {
    before = readFileSync(join(root, CONTRACT_FILES.clientSchema), 'utf8');
  }
  const changes = diffSchemas(before, contract.clientSdl);
  const report = [`Client schema changes against ${against ?? 'the checked-in file'}:\n${describeChanges(changes)}`];
  if (changes.some((change) => change.kind === 'breaking')) return { ok: false, report: [...report, 'Breaking changes: see above.'].join('\n\n') };
  if (!against && (before !== contract.clientSdl || readFileSync(join(root, CONTRACT_FILES.manifest), 'utf8') !== contract.manifestText)) {
    return { ok: false, report: [...report, 'The checked-in contracts are out of date: run npm run schema:update.'].join('\n\n') };
  }
  return { ok: true, report: report.join('\n\n') };
}
