import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { checkContracts, updateContracts } from './schemaContract';

/**
 * `npm run schema:update [-- --allow-breaking "<reason>"]` and
 * `npm run schema:check [-- --against <git-ref>]`: see schemaContract.ts.
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'allow-breaking': { type: 'string' }, against: { type: 'string' }, root: { type: 'string' } },
});
const root = values.root ?? join(__dirname, '..', '..');
try {
  const outcome =
    positionals[0] === 'update'
      ? updateContracts(root, values['allow-breaking'])
      : positionals[0] === 'check'
        ? checkContracts(root, values.against)
        : { ok: false, report: 'Usage: schema update [--allow-breaking "<reason>"] | check [--against <git-ref>]' };
  (outcome.ok ? console.log : console.error)(outcome.report);
  process.exit(outcome.ok ? 0 : 1);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
