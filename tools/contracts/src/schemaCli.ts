import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { checkContracts } from './checkContracts';
import type { ContractOutcome } from './schemaContract';
import { updateContracts } from './updateContracts';

/**
 * `npm run schema:update [-- --allow-breaking "<reason>"]` and
 * `npm run schema:check [-- --against <git-ref>]`: see checkContracts.ts and updateContracts.ts.
 * Bundled to .build/dev/schemaCli.js, two folders below the repository root (`--root` to change).
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'allow-breaking': { type: 'string' }, against: { type: 'string' }, root: { type: 'string' } },
});
const root = values.root ?? join(__dirname, '..', '..');

async function run(): Promise<ContractOutcome> {
  if (positionals[0] === 'update') return updateContracts(root, values['allow-breaking']);
  if (positionals[0] === 'check') return checkContracts(root, values.against);
  return { ok: false, report: 'Usage: schema update [--allow-breaking "<reason>"] | check [--against <git-ref>]' };
}

run().then(
  (outcome) => {
    (outcome.ok ? console.log : console.error)(outcome.report);
    process.exitCode = outcome.ok ? 0 : 1;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
