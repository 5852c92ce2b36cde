import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describeChanges, diffSchemas } from '@bff/gateway/contracts';

import { checkContracts, computeContract, CONTRACT_FILES, describeProblems, updateContracts } from '../src/schemaContract';

const repo = join(__dirname, '..', '..');
const SERVICES = ['users', 'articles', 'comments'];

describe('the checked-in contracts', () => {
  it('match what the subgraphs compose to: client schema, operations, trusted-documents manifest', async () => {
    const contract = computeContract(repo);
    const checkedIn = await readFile(join(repo, CONTRACT_FILES.clientSchema), 'utf8');
    // On failure, say what changed and how badly, not just that the text differs.
    expect(checkedIn === contract.clientSdl ? 'same' : describeChanges(diffSchemas(checkedIn, contract.clientSdl))).toBe('same');
    expect(describeProblems(contract.problems)).toBe('');
    expect(await readFile(join(repo, CONTRACT_FILES.manifest), 'utf8')).toBe(contract.manifestText);
    expect(checkContracts(repo)).toEqual({ ok: true, report: expect.stringContaining('no changes') as unknown });
  });
});

describe('the contract checks themselves, on a copy of the repository', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'bff-contract-'));
    for (const service of SERVICES) {
      await mkdir(join(root, 'subgraphs', service), { recursive: true });
      await cp(join(repo, 'subgraphs', service, 'schema.graphql'), join(root, 'subgraphs', service, 'schema.graphql'));
    }
    await cp(join(repo, CONTRACT_FILES.operations), join(root, CONTRACT_FILES.operations), { recursive: true });
    await cp(join(repo, CONTRACT_FILES.clientSchema), join(root, CONTRACT_FILES.clientSchema));
    await cp(join(repo, CONTRACT_FILES.manifest), join(root, CONTRACT_FILES.manifest));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const edit = async (service: string, change: (sdl: string) => string) => {
    const path = join(root, 'subgraphs', service, 'schema.graphql');
    await writeFile(path, change(await readFile(path, 'utf8')));
  };

  it('fails a subgraph change that removes a field a frontend operation uses, naming the operation and the field', async () => {
    await edit('articles', (sdl) => sdl.replace(/\n {2}title: String!/, ''));
    const outcome = checkContracts(root);
    expect(outcome.ok).toBe(false);
    expect(outcome.report).toContain('operation ArticleList: Cannot query field "title" on type "Article".');
    expect(outcome.report).toContain('ArticlePage.graphql: operation ArticlePage: Cannot query field "title" on type "Article".');
    expect(updateContracts(root).ok).toBe(false);
  });

  it('lets a new nullable field through as a safe change', async () => {
    await edit('articles', (sdl) => sdl.replace(/\n {2}title: String!/, '\n  title: String!\n  "A short summary."\n  subtitle: String'));
    const check = checkContracts(root);
    expect(check.report).toContain('SAFE      Article.subtitle was added.');
    expect(check.ok).toBe(false); // not yet written down
    const update = updateContracts(root);
    expect(update.ok).toBe(true);
    expect(checkContracts(root).ok).toBe(true);
    expect(await readFile(join(root, CONTRACT_FILES.clientSchema), 'utf8')).toContain('subtitle: String');
  });

  it('refuses a breaking change unless it is declared, and records the reason', async () => {
    // Not used by any operation, so only the schema contract notices.
    await edit('comments', (sdl) => sdl.replace(/\n {2}"All comments, newest first[^\n]*\n {2}comments\(first: Int = 20, after: String\): CommentConnection!/, ''));
    const refused = updateContracts(root);
    expect(refused.ok).toBe(false);
    expect(refused.report).toContain('BREAKING  Query.comments was removed.');
    expect(refused.report).toContain('--allow-breaking');
    expect(checkContracts(root).ok).toBe(false);

    const allowed = updateContracts(root, 'Nobody lists all comments; agreed with the frontend team', new Date('2026-11-21T12:00:00Z'));
    expect(allowed.ok).toBe(true);
    expect(await readFile(join(root, CONTRACT_FILES.changes), 'utf8')).toContain(
      '## 2026-11-21: Nobody lists all comments; agreed with the frontend team\n\n- Query.comments was removed.',
    );
    expect(checkContracts(root).ok).toBe(true);
  });

  it('names the subgraphs and the type when they do not compose', async () => {
    await edit('comments', (sdl) => sdl.replace('type PageInfo @shareable {\n  hasNextPage: Boolean!', 'type PageInfo @shareable {\n  hasNextPage: String!'));
    expect(() => computeContract(root)).toThrow(/PageInfo\.hasNextPage/);
    expect(() => computeContract(root)).toThrow(/"articles"|"comments"|articles|comments/);
  });
});
