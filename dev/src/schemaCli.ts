import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { describeChanges, diffSchemas } from '@bff/gateway/contracts';

import { computeContract, CONTRACT_FILES, type ContractState, describeProblems } from './schemaContract';

const root = join(__dirname, '..', '..');
const file = (name: string) => join(root, name);
const manifestText = (contract: ContractState) => `${JSON.stringify(contract.manifest, null, 2)}\n`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/**
 * `npm run schema:update [-- --allow-breaking "<reason>"]`: composes the
 * subgraphs, checks the frontend's operations against the result, and rewrites
 * gateway/schema.graphql and the trusted-documents manifest. A breaking change
 * is refused unless a reason is given; then it is recorded in SCHEMA_CHANGES.md.
 */
function update(allowBreaking: string | undefined): void {
  const contract = computeContract(root);
  if (contract.problems.length) {
    fail(`The frontend's operations do not validate against the new client schema:\n${describeProblems(contract.problems)}`);
  }
  const before = existsSync(file(CONTRACT_FILES.clientSchema)) ? readFileSync(file(CONTRACT_FILES.clientSchema), 'utf8') : undefined;
  const changes = before ? diffSchemas(before, contract.clientSdl) : [];
  const breaking = changes.filter((change) => change.kind === 'breaking');
  console.log(describeChanges(changes));
  if (breaking.length && !allowBreaking) {
    fail(
      `\nRefused: ${breaking.length} breaking change(s) to the client schema. Deployed frontends may depend on what is removed.\n` +
        'If this is intended, run again with --allow-breaking "<why, and who was told>".',
    );
  }
  writeFileSync(file(CONTRACT_FILES.clientSchema), contract.clientSdl);
  writeFileSync(file(CONTRACT_FILES.manifest), manifestText(contract));
  if (breaking.length && allowBreaking) {
    const entry = [
      `## ${new Date().toISOString().slice(0, 10)}: ${allowBreaking}`,
      '',
      ...breaking.map((change) => `- ${change.description}`),
      '',
    ].join('\n');
    const log = existsSync(file(CONTRACT_FILES.changes))
      ? readFileSync(file(CONTRACT_FILES.changes), 'utf8')
      : '# Breaking changes to the client schema\n\nEach was declared with `npm run schema:update -- --allow-breaking "<reason>"`.\n\n';
    writeFileSync(file(CONTRACT_FILES.changes), `${log}${entry}\n`);
  }
  console.log(`\nWrote ${CONTRACT_FILES.clientSchema} and ${CONTRACT_FILES.manifest}.`);
}

/**
 * `npm run schema:check [-- --against <git-ref>]`: without a ref, checks that
 * the checked-in contracts match the code; with one, compares the client
 * schema with the one at that ref (for a pull request) and fails on breaking changes.
 */
function check(against: string | undefined): void {
  const contract = computeContract(root);
  if (contract.problems.length) fail(`Frontend operations that no longer validate:\n${describeProblems(contract.problems)}`);
  let before: string;
  if (against) {
    try {
      before = execFileSync('git', ['show', `${against}:${CONTRACT_FILES.clientSchema}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      fail(`Cannot read ${CONTRACT_FILES.clientSchema} at ${against}: ${((error as { stderr?: string }).stderr ?? String(error)).trim()}`);
    }
  } else {
    before = readFileSync(file(CONTRACT_FILES.clientSchema), 'utf8');
  }
  const changes = diffSchemas(before, contract.clientSdl);
  console.log(`Client schema changes against ${against ?? 'the checked-in file'}:\n${describeChanges(changes)}`);
  if (changes.some((change) => change.kind === 'breaking')) fail('\nBreaking changes: see above.');
  if (!against && (before !== contract.clientSdl || readFileSync(file(CONTRACT_FILES.manifest), 'utf8') !== manifestText(contract))) {
    fail('\nThe checked-in contracts are out of date: run npm run schema:update.');
  }
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'allow-breaking': { type: 'string' }, against: { type: 'string' } },
});
try {
  if (positionals[0] === 'update') update(values['allow-breaking']);
  else if (positionals[0] === 'check') check(values.against);
  else fail('Usage: schemaCli update [--allow-breaking "<reason>"] | check [--against <git-ref>]');
} catch (error) {
  fail((error as Error).message);
}
