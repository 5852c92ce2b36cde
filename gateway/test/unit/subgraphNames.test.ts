import { joinGraphs, subgraphNamesByGraph } from '../../src/compose/subgraphNames';

const SUPERGRAPH = `
schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION) { query: Query }
directive @join__graph(name: String!, url: String!) on ENUM_VALUE
enum join__Graph {
  DARK_MOONS @join__graph(name: "dark-moons", url: "http://127.0.0.1:4002/graphql")
  USERS @join__graph(
    url: "https://users.example.com/graphql"
    name: "users"
  )
}
type Query { a: Int }
`;

describe('joinGraphs', () => {
  it("reads each subgraph's enum value, name and url, whatever the layout or argument order", () => {
    expect(joinGraphs(SUPERGRAPH)).toEqual([
      { graph: 'DARK_MOONS', name: 'dark-moons', url: 'http://127.0.0.1:4002/graphql' },
      { graph: 'USERS', name: 'users', url: 'https://users.example.com/graphql' },
    ]);
    expect(subgraphNamesByGraph(SUPERGRAPH)).toEqual(new Map([['DARK_MOONS', 'dark-moons'], ['USERS', 'users']]));
  });

  it('finds none in a schema without join__Graph', () => {
    expect(joinGraphs('type Query { a: Int }')).toEqual([]);
  });
});
