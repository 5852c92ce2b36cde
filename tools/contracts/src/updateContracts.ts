import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { CONTRACT_FILES } from './contractFiles';
import { computeContract, type ContractOutcome, contractRefusal } from './schemaContract';
import { describeChanges, diffSchemas } from './schemaDiff';

const CHANGES_PREAMBLE = '# Breaking changes to the client schema\n\nEach was declared with `npm run schema:update -- --allow-breaking "<reason>"`.\n\n';

/**
 * `schema:update`: composes the subgraphs, refuses fields that break the
 * cross-subgraph nullability rule, checks the frontend's operations
 * against the result, and rewrites the client schema and the trusted-documents
 * manifest. A breaking change is refused unless a reason is given; then it is
 * recorded in SCHEMA_CHANGES.md.
 */
export async function updateContracts(root: string, allowBreaking?: string, today = new Date()): Promise<ContractOutcome> {
  const file = (name: string) => join(root, name);
  const contract = computeContract(root);
  const refused = contractRefusal(contract, "The frontend's operations do not validate against the new client schema");
  if (refused) return refused;
  const before = existsSync(file(CONTRACT_FILES.clientSchema)) ? readFileSync(file(CONTRACT_FILES.clientSchema), 'utf8') : undefined;
  const changes = before ? await diffSchemas(before, contract.schema) : [];
  const breaking = changes.filter((change) => change.kind === 'breaking');
  const report = [`Client schema changes:\n${describeChanges(changes)}`];
  if (breaking.length && !allowBreaking) {
    report.push(
      `Refused: ${breaking.length} breaking change(s) to the client schema; deployed frontends may depend on what changes.`,
      'If this is intended, run again with --allow-breaking "<why, and who was told>".',
    );
    return { ok: false, report: report.join('\n\n') };
  }
  writeFileSync(file(CONTRACT_FILES.clientSchema), contract.clientSchemaText);
  writeFileSync(file(CONTRACT_FILES.manifest), contract.manifestText);
  if (breaking.length && allowBreaking) {
    const entry = [`## ${today.toISOString().slice(0, 10)}: ${allowBreaking}`, '', ...breaking.map((change) => `- ${change.description}`), ''].join('\n');
    const log = existsSync(file(CONTRACT_FILES.changes)) ? readFileSync(file(CONTRACT_FILES.changes), 'utf8') : CHANGES_PREAMBLE;
    writeFileSync(file(CONTRACT_FILES.changes), `${log}${entry}\n`);
    report.push(`Recorded in ${CONTRACT_FILES.changes}.`);
  }
  report.push(`Wrote ${CONTRACT_FILES.clientSchema} and ${CONTRACT_FILES.manifest}.`);
  return { ok: true, report: report.join('\n\n') };
}
