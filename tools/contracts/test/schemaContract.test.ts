import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { SERVICE_LIST } from '@bff/kit/catalogue';

import { checkContracts } from '../src/checkContracts';
import { CLIENT_SCHEMA_HEADER, CONTRACT_FILES, readSubgraphSdls } from '../src/contractFiles';
import { crossSubgraphNullability, describeNullabilityProblems } from '../src/crossSubgraphNullability';
import { computeContract, describeProblems } from '../src/schemaContract';
import { describeChanges, diffSchemas } from '../src/schemaDiff';
import { updateContracts } from '../src/updateContracts';

const repo = join(__dirname, '..', '..', '..');

describe('the checked-in contracts', () => {
  it('match what the subgraphs compose to: client schema, operations, trusted-documents manifest', async () => {
    const contract = computeContract(repo);
    const checkedIn = await readFile(join(repo, CONTRACT_FILES.clientSchema), 'utf8');
    // On failure, say what changed and how badly, not just that the text differs.
    const changes = await diffSchemas(checkedIn, contract.schema);
    expect(checkedIn === contract.clientSchemaText ? 'same' : changes.length ? describeChanges(changes) : 'same schema, other text').toBe('same');
    expect(checkedIn.startsWith(CLIENT_SCHEMA_HEADER)).toBe(true);
    expect(describeProblems(contract.problems)).toBe('');
    expect(await readFile(join(repo, CONTRACT_FILES.manifest), 'utf8')).toBe(contract.manifestText);
    expect(await checkContracts(repo)).toEqual({ ok: true, report: expect.stringContaining('no changes') as unknown });
  });

  it('keep every field whose value comes from another subgraph nullable', () => {
    expect(describeNullabilityProblems(crossSubgraphNullability(readSubgraphSdls(repo)))).toBe('');
    expect(computeContract(repo).nullability).toEqual([]);
  });
});

describe('the contract checks themselves, on a copy of the repository', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'bff-contract-'));
    for (const { schemaFile } of SERVICE_LIST) {
      await mkdir(dirname(join(root, schemaFile)), { recursive: true });
      await cp(join(repo, schemaFile), join(root, schemaFile));
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
    const outcome = await checkContracts(root);
    expect(outcome.ok).toBe(false);
    expect(outcome.report).toContain('operation ArticleList: Cannot query field "title" on type "Article".');
    expect(outcome.report).toContain('ArticlePage.graphql: operation ArticlePage: Cannot query field "title" on type "Article".');
    expect((await updateContracts(root)).ok).toBe(false);
  });

  it('lets a new nullable field through as a safe change', async () => {
    await edit('articles', (sdl) => sdl.replace(/\n {2}title: String!/, '\n  title: String!\n  "A short summary."\n  subtitle: String'));
    const check = await checkContracts(root);
    expect(check.report).toContain("SAFE      Field 'subtitle' was added to object type 'Article'");
    expect(check.ok).toBe(false); // not yet written down
    const update = await updateContracts(root);
    expect(update.ok).toBe(true);
    expect((await checkContracts(root)).ok).toBe(true);
    expect(await readFile(join(root, CONTRACT_FILES.clientSchema), 'utf8')).toContain('subtitle: String');
  });

  it('refuses a breaking change unless it is declared, and records the reason', async () => {
    // Not used by any operation, so only the schema contract notices.
    await edit('comments', (sdl) => sdl.replace(/\n {2}"All comments, newest first[^\n]*\n {2}comments\(first: Int = 20, after: String\): CommentConnection!/, ''));
    const refused = await updateContracts(root);
    expect(refused.ok).toBe(false);
    expect(refused.report).toContain("BREAKING  Field 'comments' was removed from object type 'Query'");
    expect(refused.report).toContain('--allow-breaking');
    expect((await checkContracts(root)).ok).toBe(false);

    const allowed = await updateContracts(root, 'Nobody lists all comments; agreed with the frontend team', new Date('2026-11-21T12:00:00Z'));
    expect(allowed.ok).toBe(true);
    expect(await readFile(join(root, CONTRACT_FILES.changes), 'utf8')).toContain(
      "## 2026-11-21: Nobody lists all comments; agreed with the frontend team\n\n- Field 'comments' was removed from object type 'Query'\n",
    );
    expect((await checkContracts(root)).ok).toBe(true);
  });

  it('refuses a new non-null cross-subgraph field in schema:check and schema:update, declared or not, naming it', async () => {
    await edit('comments', (sdl) => sdl.replace('commentCount: Int\n', 'commentCount: Int!\n'));
    const expected =
      'comments: Article.commentCount is Int! but comments adds it to Article, which is owned by articles: a field whose value comes from another subgraph must be nullable';
    const check = await checkContracts(root);
    expect(check.ok).toBe(false);
    expect(check.report).toContain(expected);
    const before = await readFile(join(root, CONTRACT_FILES.clientSchema), 'utf8');
    for (const outcome of [await updateContracts(root), await updateContracts(root, 'We promise comments never fails')]) {
      expect(outcome.ok).toBe(false);
      expect(outcome.report).toContain(expected);
    }
    expect(await readFile(join(root, CONTRACT_FILES.clientSchema), 'utf8')).toBe(before);
  });

  it('says so when the client schema cannot be read at the ref given to --against', async () => {
    const outcome = await checkContracts(root, 'no-such-ref');
    expect(outcome.ok).toBe(false);
    expect(outcome.report).toContain(`Cannot read ${CONTRACT_FILES.clientSchema} at no-such-ref`);
  });

  it('names the subgraphs and the type when they do not compose', async () => {
    await edit('comments', (sdl) => sdl.replace('type PageInfo @shareable {\n  hasNextPage: Boolean!', 'type PageInfo @shareable {\n  hasNextPage: String!'));
    expect(() => computeContract(root)).toThrow(/PageInfo\.hasNextPage/);
    expect(() => computeContract(root)).toThrow(/"articles"|"comments"|articles|comments/);
  });
});
