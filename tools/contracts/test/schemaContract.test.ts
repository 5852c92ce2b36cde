import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { crossSubgraphNullability, describeNullabilityProblems } from '../src/crossSubgraphNullability';
import { checkContracts, computeContract, CONTRACT_FILES, describeProblems, readSubgraphSdls, updateContracts } from '../src/schemaContract';
import { describeChanges, diffSchemas } from '../src/schemaDiff';

const repo = join(__dirname, '..', '..', '..');
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

  it('keep every field whose value comes from another subgraph nullable', () => {
    expect(describeNullabilityProblems(crossSubgraphNullability(readSubgraphSdls(repo)))).toBe('');
    expect(computeContract(repo).nullability).toEqual([]);
  });
});

describe('the cross-subgraph nullability rule', () => {
  const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@external", "@requires", "@shareable"])';
  // products owns Product: it has the root query field that returns it.
  const products = {
    name: 'products',
    sdl: `${LINK}
      type Product @key(fields: "id") @key(fields: "sku") { id: ID! sku: String! name: String! upc: String! related: [Product!]! }
      type Query { product(id: ID!): Product topProducts: [Product!]! }`,
  };
  const reviews = (fields: string, reviewFields = 'id: ID!') => ({
    name: 'reviews',
    sdl: `${LINK}
      type Product @key(fields: "id") { id: ID! ${fields} }
      type Review @key(fields: "id") { ${reviewFields} }
      type Query { review(id: ID!): Review }`,
  });

  it('refuses a non-null field a subgraph adds to an entity another owns, naming the field and the owner', () => {
    const problems = crossSubgraphNullability([products, reviews('reviewCount: Int!')]);
    expect(problems).toEqual([
      { kind: 'non-null', subgraph: 'reviews', field: 'Product.reviewCount', type: 'Int!', reason: 'reviews adds it to Product, which is owned by products' },
    ]);
    expect(describeNullabilityProblems(problems)).toBe(
      'reviews: Product.reviewCount is Int! but reviews adds it to Product, which is owned by products: a field whose value comes from another subgraph must be nullable',
    );
  });

  it('refuses a non-null field whose type is an entity another subgraph owns, lists included', () => {
    const problems = crossSubgraphNullability([products, reviews('', 'id: ID! product: Product! alsoBought: [Product!]! seenWith: [Product!]')]);
    expect(problems.map(({ field, type, reason }) => [field, type, reason])).toEqual([
      ['Review.alsoBought', '[Product!]!', 'Product is owned by products'],
      ['Review.product', 'Product!', 'Product is owned by products'],
    ]);
    expect(describeNullabilityProblems(problems)).toContain(
      'reviews: Review.product is Product! but Product is owned by products: a field whose value comes from another subgraph must be nullable',
    );
  });

  it('lets nullable fields, key fields (of every key) and @external fields through', () => {
    const sdl = reviews('sku: String! upc: String! @external reviewCount: Int @requires(fields: "upc") topReview: Review', 'id: ID! product: Product').sdl;
    expect(crossSubgraphNullability([products, { name: 'reviews', sdl: sdl.replace('@key(fields: "id")', '@key(fields: "id") @key(fields: "sku")') }])).toEqual([]);
  });

  it('does not flag the owner’s own fields, nor fields of its own entities in other subgraphs’ types', () => {
    // products' Product.related is [Product!]!, and reviews' Review fields are its own.
    expect(crossSubgraphNullability([products, reviews('', 'id: ID! body: String! replies: [Review!]!')])).toEqual([]);
  });

  it('reads federation directives imported under another name', () => {
    const aliased = {
      name: 'reviews',
      sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: [{ name: "@key", as: "@primaryKey" }])
        type Product @primaryKey(fields: "id") { id: ID! reviewCount: Int! }`,
    };
    expect(crossSubgraphNullability([products, aliased]).map((problem) => problem.field)).toEqual(['Product.reviewCount']);
  });

  it('without a root query field, gives an entity to the subgraph resolving most of its fields, and asks when that is a tie', () => {
    const a = (fields: string) => ({ name: 'a', sdl: `${LINK} type Thing @key(fields: "id") { id: ID! ${fields} }` });
    const b = { name: 'b', sdl: `${LINK} type Thing @key(fields: "id") { id: ID! weight: Int! }` };
    expect(crossSubgraphNullability([a('name: String! colour: String!'), b]).map(({ subgraph, field }) => `${subgraph}: ${field}`)).toEqual(['b: Thing.weight']);
    const tie = crossSubgraphNullability([a('name: String!'), b]);
    expect(tie).toEqual([expect.objectContaining({ kind: 'ambiguous-owner', subgraph: 'a, b', field: 'Thing' })]);
    expect(describeNullabilityProblems(tie)).toBe(
      'a, b: cannot tell which subgraph owns Thing: a and b each resolve 1 of its fields; give its owner a root query field returning it',
    );
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

  it('refuses a new non-null cross-subgraph field in schema:check and schema:update, declared or not, naming it', async () => {
    await edit('comments', (sdl) => sdl.replace('commentCount: Int\n', 'commentCount: Int!\n'));
    const expected =
      'comments: Article.commentCount is Int! but comments adds it to Article, which is owned by articles: a field whose value comes from another subgraph must be nullable';
    const check = checkContracts(root);
    expect(check.ok).toBe(false);
    expect(check.report).toContain(expected);
    const before = await readFile(join(root, CONTRACT_FILES.clientSchema), 'utf8');
    for (const outcome of [updateContracts(root), updateContracts(root, 'We promise comments never fails')]) {
      expect(outcome.ok).toBe(false);
      expect(outcome.report).toContain(expected);
    }
    expect(await readFile(join(root, CONTRACT_FILES.clientSchema), 'utf8')).toBe(before);
  });

  it('names the subgraphs and the type when they do not compose', async () => {
    await edit('comments', (sdl) => sdl.replace('type PageInfo @shareable {\n  hasNextPage: Boolean!', 'type PageInfo @shareable {\n  hasNextPage: String!'));
    expect(() => computeContract(root)).toThrow(/PageInfo\.hasNextPage/);
    expect(() => computeContract(root)).toThrow(/"articles"|"comments"|articles|comments/);
  });
});
