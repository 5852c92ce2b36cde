import { buildSchema, parse, validate } from 'graphql';

import { queryLimits } from '../../../src/plugins/queryLimits';

const schema = buildSchema('type Query { node(id: ID): Node } type Node { id: ID child: Node }');

describe('queryLimits', () => {
  const rules = queryLimits({ maxDepth: 3, maxAliases: 1, maxRootFields: 2 }).validationRules ?? [];
  const problems = (query: string) => validate(schema, parse(query), rules).map((error) => [error.message, error.extensions.code]);

  it('lets an operation within every limit through', () => {
    expect(problems('{ a: node { id } node { child { id } } }')).toEqual([]);
  });

  it('refuses, as validation errors (400), operations too deep, with too many aliases or root fields', () => {
    expect(problems('{ node { child { child { child { id } } } } }')).toEqual([['Query depth limit of 3 exceeded, found 5.', 'GRAPHQL_VALIDATION_FAILED']]);
    expect(problems('{ a: node { id } b: node { id } }')).toEqual([['Aliases limit of 1 exceeded, found 2.', 'GRAPHQL_VALIDATION_FAILED']]);
    expect(problems('{ node { id } again: node { id } ... on Query { more: node { id } } }')).toContainEqual([
      'This operation asks for 3 root fields; at most 2 are allowed.',
      'GRAPHQL_VALIDATION_FAILED',
    ]);
  });
});
