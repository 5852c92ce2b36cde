import { describeChanges, diffSchemas, type SchemaChange } from '../src/schemaDiff';

const BEFORE = `
  type Query { article(id: ID!): Article, articles(first: Int): [Article!]! }
  type Article { id: ID!, title: String!, status: Status }
  enum Status { DRAFT PUBLISHED }
`;

// Sorted: the order inspector finds changes in is not part of the contract.
const changesTo = async (after: string) => (await diffSchemas(BEFORE, after)).map(({ kind, description }: SchemaChange) => `${kind}: ${description}`).sort();

describe('diffSchemas', () => {
  it('finds nothing between a schema and itself', async () => {
    expect(await diffSchemas(BEFORE, BEFORE)).toEqual([]);
    expect(describeChanges([])).toBe('no changes');
  });

  it('calls a removed field, a field made nullable and a new required argument breaking', async () => {
    const after = BEFORE.replace('title: String!, ', '').replace('id: ID!, status', 'id: ID, status').replace('articles(first: Int)', 'articles(first: Int, tag: String!)');
    expect(await changesTo(after)).toEqual([
      "breaking: Argument 'tag: String!' added to field 'Query.articles'",
      "breaking: Field 'Article.id' changed type from 'ID!' to 'ID'",
      "breaking: Field 'title' was removed from object type 'Article'",
    ]);
  });

  it('calls a new enum value and a new default dangerous: a deployed client may not expect them', async () => {
    expect(await changesTo(BEFORE.replace('DRAFT PUBLISHED', 'DRAFT PUBLISHED ARCHIVED').replace('first: Int)', 'first: Int = 20)'))).toEqual([
      "dangerous: Default value '20' was added to argument 'first' on field 'Query.articles'",
      "dangerous: Enum value 'ARCHIVED' was added to enum 'Status'",
    ]);
  });

  it('calls additions and descriptions safe, listing a new type once rather than each of its fields', async () => {
    const after = `${BEFORE.replace('type Article {', '"A piece of writing." type Article {').replace('status: Status }', 'status: Status, summary: String }')}
      type Tag { name: String!, count: Int! }`;
    expect(await changesTo(after)).toEqual([
      "safe: Field 'summary' was added to object type 'Article'",
      "safe: Object type 'Article' has description 'A piece of writing.'",
      "safe: Type 'Tag' was added",
    ]);
  });
});

describe('describeChanges', () => {
  it('lists the worst first, one line each, labelled', () => {
    const changes: SchemaChange[] = [
      { kind: 'safe', type: 'FIELD_ADDED', description: "Field 'summary' was added to object type 'Article'" },
      { kind: 'breaking', type: 'FIELD_REMOVED', description: "Field 'title' was removed from object type 'Article'" },
      { kind: 'dangerous', type: 'ENUM_VALUE_ADDED', description: "Enum value 'ARCHIVED' was added to enum 'Status'" },
    ];
    expect(describeChanges(changes)).toBe(
      [
        "BREAKING  Field 'title' was removed from object type 'Article'",
        "DANGEROUS Enum value 'ARCHIVED' was added to enum 'Status'",
        "SAFE      Field 'summary' was added to object type 'Article'",
      ].join('\n'),
    );
  });
});
