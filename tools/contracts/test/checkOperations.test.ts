import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildSchema } from 'graphql';

import { DEFAULT_MAX_QUERY_COST } from '@bff/gateway/settings';

import { checkOperations } from '../src/checkOperations';
import { loadOperations } from '../src/loadOperations';

const repo = join(__dirname, '..', '..', '..');
const schema = buildSchema(readFileSync(join(repo, 'gateway/schema.graphql'), 'utf8'));

describe('checkOperations', () => {
  it('finds the frontend operations valid and within the default MAX_QUERY_COST', () => {
    const operations = loadOperations(join(repo, 'frontend/src/operations'));
    expect(operations.length).toBeGreaterThan(0);
    expect(checkOperations(schema, operations)).toEqual([]);
    expect(checkOperations(schema, operations, DEFAULT_MAX_QUERY_COST)).toEqual([]);
  });

  it('reports an operation over the limit, naming it', () => {
    const heavy = { file: 'Heavy.graphql', text: 'query Light { me { id } }\nquery Heavy($first: Int) { articles(first: $first) { nodes { id } } }' };
    expect(checkOperations(schema, [heavy], 150)).toEqual([
      {
        kind: 'too-costly',
        file: 'Heavy.graphql',
        operation: 'Heavy',
        message: 'Estimated to cost 201 with its variables at their worst; the gateway refuses more than 150 (QUERY_TOO_COSTLY).',
      },
    ]);
  });

  it('names the operation an invalid field sits in, and a document that does not parse', () => {
    const documents = [
      { file: 'Two.graphql', text: 'query First { me { id } }\nquery Second { me { shoeSize } }' },
      { file: 'Broken.graphql', text: 'query {' },
    ];
    expect(checkOperations(schema, documents)).toEqual([
      { kind: 'invalid', file: 'Two.graphql', operation: 'Second', message: 'Cannot query field "shoeSize" on type "User".' },
      { kind: 'invalid', file: 'Broken.graphql', operation: '(unparsed)', message: expect.stringContaining('Syntax Error') as unknown },
    ]);
  });
});
