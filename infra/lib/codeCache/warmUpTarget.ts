import { Kind, parse } from 'graphql';

/** What a function's first request is, for the code cache: a subgraph, or the gateway in front of them. */
export type WarmUpTarget =
  | { kind: 'subgraph'; schemaFile: string }
  | { kind: 'gateway'; queryFile: string; subgraphs: { name: string; schemaFile: string }[] };

/** One function's cache to make: written to the bundling hook as JSON. Paths are relative to `repoRoot`. */
export interface WarmUpJob {
  repoRoot: string;
  functionName: string;
  memorySize: number;
  /** The function's environment as deployed; values only known at deploy time are left out. */
  environment: Record<string, string>;
  target: WarmUpTarget;
  mode: 'local' | 'lambda';
  node?: string;
  image: string;
}

/**
 * A subgraph's warm-up operation: `_service`, and `_entities` with a representation
 * of every resolvable entity, so that the first request compiles the federation
 * resolvers, each reference resolver and its store's DynamoDB call, as a gateway's
 * first call would.
 */
export function subgraphWarmUpOperation(sdl: string): { query: string; variables: { representations: Record<string, string>[] } } {
  const representations: Record<string, string>[] = [];
  for (const definition of parse(sdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const key of definition.directives?.filter((directive) => directive.name.value === 'key') ?? []) {
      const argument = (name: string) => key.arguments?.find((candidate) => candidate.name.value === name)?.value;
      const fields = argument('fields');
      const resolvable = argument('resolvable');
      if (fields?.kind !== Kind.STRING || (resolvable?.kind === Kind.BOOLEAN && !resolvable.value)) continue;
      // Flat keys only (`id`, `id sku`): a nested selection needs a shape this generic request cannot guess.
      if (/[{}]/.test(fields.value)) continue;
      representations.push({ __typename: definition.name.value, ...Object.fromEntries(fields.value.split(/\s+/).filter(Boolean).map((field) => [field, 'warm-up'])) });
      break;
    }
  }
  return {
    query: 'query WarmUp($representations: [_Any!]!) { _service { sdl } _entities(representations: $representations) { __typename } }',
    variables: { representations },
  };
}
