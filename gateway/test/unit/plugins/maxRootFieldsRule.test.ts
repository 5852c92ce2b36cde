import { buildSchema, parse, validate } from 'graphql';

import { maxRootFieldsRule } from '../../../src/plugins/maxRootFieldsRule';

const schema = buildSchema('type Query { a: Int b: Int c: Int d: Int }');

/** The rule's refusals for `query` with a limit of 2 (graphql's own rules left out). */
const refusals = (query: string) => validate(schema, parse(query), [maxRootFieldsRule(2)]).map((error) => error.message);
const refused = (count: number) => [`This operation asks for ${count} root fields; at most 2 are allowed.`];

describe('maxRootFieldsRule', () => {
  it('counts the root fields written out', () => {
    expect(refusals('{ a b }')).toEqual([]);
    expect(refusals('{ a b c }')).toEqual(refused(3));
  });

  it('counts through inline fragments, with or without a type condition', () => {
    expect(refusals('{ a ... on Query { b c } }')).toEqual(refused(3));
    expect(refusals('{ ... { a ... on Query { b ... { c d } } } }')).toEqual(refused(4));
  });

  it('counts through named fragments, and fragments they spread', () => {
    expect(refusals('{ ...F } fragment F on Query { a b c }')).toEqual(refused(3));
    expect(refusals('{ a ...F } fragment F on Query { b ...G } fragment G on Query { c d }')).toEqual(refused(4));
  });

  it('counts distinct response keys: a field asked twice runs once, an alias runs again', () => {
    expect(refusals('{ a a ...F ...F ... on Query { a b } } fragment F on Query { a b }')).toEqual([]);
    expect(refusals('{ a x: a y: a }')).toEqual(refused(3));
    expect(refusals('{ ...F x: a } fragment F on Query { a b }')).toEqual(refused(3));
  });

  it('does not count __typename or introspection', () => {
    expect(refusals('{ a b __typename t: __typename __schema { queryType { name } } __type(name: "Query") { name } }')).toEqual([]);
  });

  it('counts each operation of a document alone', () => {
    expect(refusals('query One { a b } query Two { c d }')).toEqual([]);
    expect(refusals('query One { a b } query Two { ...F } fragment F on Query { a b c }')).toEqual(refused(3));
  });

  it('does not loop on fragments that spread each other (another rule refuses those)', () => {
    expect(refusals('{ ...F } fragment F on Query { a ...G } fragment G on Query { b c ...F }')).toEqual(refused(3));
  });
});
