import { Kind, parse } from 'graphql';

/**
 * The subgraph names a supergraph records, by the enum value it uses for each
 * (`USERS @join__graph(name: "users", url: "…")` → USERS: users), so errors and
 * logs use the names the registry gave.
 */
export function subgraphNamesByGraph(supergraphSdl: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const name = value.directives
        ?.find((directive) => directive.name.value === 'join__graph')
        ?.arguments?.find((argument) => argument.name.value === 'name')?.value;
      names.set(value.name.value, name?.kind === Kind.STRING ? name.value : value.name.value);
    }
  }
  return names;
}
