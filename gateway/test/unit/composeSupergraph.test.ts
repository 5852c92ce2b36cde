import { FEDERATION_LINK } from '@bff/test-support';

import { CompositionError, composeSupergraph } from '../../src/compose/composeSupergraph';


describe('composeSupergraph', () => {
  it('joins entity fields from several subgraphs into one supergraph', () => {
    const supergraph = composeSupergraph([
      { name: 'users', url: 'http://users/graphql', sdl: `${FEDERATION_LINK} type User @key(fields: "id") { id: ID! name: String! } type Query { user(id: ID!): User }` },
      { name: 'posts', url: 'http://posts/graphql', sdl: `${FEDERATION_LINK} type User @key(fields: "id") { id: ID! posts: [String!]! }` },
    ]);
    expect(supergraph).toContain('join__graph(name: "users", url: "http://users/graphql")');
    expect(supergraph).toMatch(/posts: \[String!\]! @join__field\(graph: POSTS\)/);
  });

  it('names the subgraph and the field when subgraphs disagree', () => {
    const compose = () =>
      composeSupergraph([
        { name: 'one', url: 'http://one/graphql', sdl: `${FEDERATION_LINK} type Query { shared: String }` },
        { name: 'two', url: 'http://two/graphql', sdl: `${FEDERATION_LINK} type Query { shared: Int }` },
      ]);
    expect(compose).toThrow(CompositionError);
    expect(compose).toThrow(/Query\.shared/);
    expect(compose).toThrow(/"one"|one/);
  });

  it('names the subgraph whose SDL does not parse', () => {
    expect(() => composeSupergraph([{ name: 'broken', url: 'http://b/graphql', sdl: 'type Query {' }])).toThrow(/\[broken\] Syntax Error/);
  });
});
