import { Kind, parse } from 'graphql';

/** One subgraph as a supergraph records it: `USERS @join__graph(name: "users", url: "…")`. */
export interface JoinGraph {
  /** The enum value the supergraph uses for it (`USERS`). */
  graph: string;
  /** The name the registry gave it (`users`); the enum value when the supergraph records none. */
  name: string;
  url: string;
}

/** The subgraphs a supergraph names in its `join__Graph` enum, in its order. */
export function joinGraphs(supergraphSdl: string): JoinGraph[] {
  const graphs: JoinGraph[] = [];
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const args = value.directives?.find((directive) => directive.name.value === 'join__graph')?.arguments ?? [];
      const text = (argument: string) => {
        const found = args.find(({ name }) => name.value === argument)?.value;
        return found?.kind === Kind.STRING ? found.value : undefined;
      };
      graphs.push({ graph: value.name.value, name: text('name') ?? value.name.value, url: text('url') ?? '' });
    }
  }
  return graphs;
}

/**
 * The subgraph names a supergraph records, by the enum value it uses for each
 * (USERS → users), so errors and logs use the names the registry gave.
 */
export function subgraphNamesByGraph(supergraphSdl: string): Map<string, string> {
  return new Map(joinGraphs(supergraphSdl).map(({ graph, name }) => [graph, name]));
}
