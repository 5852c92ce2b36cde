import { CompositionError, composeSupergraph } from '../src/compose/composeSupergraph';

const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

describe('composeSupergraph', () => {
  it('joins entity fields from several subgraphs into one supergraph', () => {
    const supergraph = composeSupergraph([
      { name: 'users', url: 'http://users/graphql', sdl: `${link} type User @key(fields: "id") { id: ID! name: String! } type Query { user(id: ID!): User }` },
      { name: 'posts', url: 'http://posts/graphql', sdl: `${link} type User @key(fields: "id") { id: ID! posts: [String!]! }` },
    ]);
    expect(supergraph).toContain('join__graph(name: "users", url: "http://users/graphql")');
    expect(supergraph).toMatch(/posts: \[String!\]! @join__field\(graph: POSTS\)/);
  });

  it('names the subgraph and the field when subgraphs disagree', () => {
    const compose = () =>
      composeSupergraph([
        { name: 'one', url: 'http://one/graphql', sdl: `${link} type Query { shared: String }` },
        { name: 'two', url: 'http://two/graphql', sdl: `${link} type Query { shared: Int }` },
      ]);
    expect(compose).toThrow(CompositionError);
    expect(compose).toThrow(/Query\.shared/);
    expect(compose).toThrow(/"one"|one/);
  });

  it('names the subgraph whose SDL does not parse', () => {
    expect(() => composeSupergraph([{ name: 'broken', url: 'http://b/graphql', sdl: 'type Query {' }])).toThrow(/\[broken\] Syntax Error/);
  });
});
