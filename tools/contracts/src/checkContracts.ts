import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CONTRACT_FILES } from './contractFiles';
import { computeContract, type ContractOutcome, contractRefusal } from './schemaContract';
import { describeChanges, diffSchemas } from './schemaDiff';

/** The client schema file at a git ref, or why it cannot be read. */
function clientSchemaAt(root: string, ref: string): { text: string } | { error: string } {
  try {
    return { text: execFileSync('git', ['show', `${ref}:${CONTRACT_FILES.clientSchema}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (error) {
    return { error: `Cannot read ${CONTRACT_FILES.clientSchema} at ${ref}: ${((error as { stderr?: string }).stderr ?? String(error)).trim()}` };
  }
}

/**
 * `schema:check`: refuses fields that break the cross-subgraph nullability
 * rule; then, without a ref, whether the checked-in contracts match the
 * code; with one, the client schema against the one at that git ref (for a
 * pull request), failing on breaking changes.
 */
export async function checkContracts(root: string, against?: string): Promise<ContractOutcome> {
  const contract = computeContract(root);
  const refused = contractRefusal(contract, 'Frontend operations that no longer validate');
  if (refused) return refused;
  const at = against ? clientSchemaAt(root, against) : { text: readFileSync(join(root, CONTRACT_FILES.clientSchema), 'utf8') };
  if ('error' in at) return { ok: false, report: at.error };
  const changes = await diffSchemas(at.text, contract.schema);
  const report = [`Client schema changes against ${against ?? 'the checked-in file'}:\n${describeChanges(changes)}`];
  if (changes.some((change) => change.kind === 'breaking')) return { ok: false, report: [...report, 'Breaking changes: see above.'].join('\n\n') };
  if (!against && (at.text !== contract.clientSchemaText || readFileSync(join(root, CONTRACT_FILES.manifest), 'utf8') !== contract.manifestText)) {
    return { ok: false, report: [...report, 'The checked-in contracts are out of date: run npm run schema:update.'].join('\n\n') };
  }
  return { ok: true, report: report.join('\n\n') };
}
