import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { handler as articles } from '@bff/articles';
import { resolvers as articlesResolvers } from '@bff/articles/resolvers';
import { handler as comments } from '@bff/comments';
import { resolvers as commentsResolvers } from '@bff/comments/resolvers';
import { postSignedGraphQL, serveTestLambda } from '@bff/test-support';
import type { ApiGatewayHandler, GraphQLResolverMap } from '@bff/kit/subgraph';
import { handler as users } from '@bff/users';
import { resolvers as usersResolvers } from '@bff/users/resolvers';
import { type DefinitionNode, type DocumentNode, Kind, parse, print, visit } from 'graphql';

const SUBGRAPHS: [string, ApiGatewayHandler, GraphQLResolverMap<never>][] = [
  ['users', users, usersResolvers],
  ['articles', articles, articlesResolvers],
  ['comments', comments, commentsResolvers],
];

const sdlOf = (name: string) => readFile(join(__dirname, '..', '..', 'subgraphs', name, 'schema.graphql'), 'utf8');

const INTERNAL = /^(_Service|_Any|_Entity|link__|federation__)/;

/**
 * The SDL as a contract: the subgraph's own types and fields, sorted, without
 * the federation machinery a running subgraph adds (`_service`, `_entities`,
 * link and federation definitions, directive definitions).
 */
function normalize(sdl: string): string {
  const named = (definition: DefinitionNode) => ('name' in definition && definition.name ? definition.name.value : '');
  const definitions = parse(sdl)
    .definitions.filter(
      (definition) =>
        definition.kind !== Kind.DIRECTIVE_DEFINITION &&
        definition.kind !== Kind.SCHEMA_DEFINITION &&
        definition.kind !== Kind.SCHEMA_EXTENSION &&
        !INTERNAL.test(named(definition)),
    )
    .map((definition): DefinitionNode =>
      definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'Query'
        ? { ...definition, fields: definition.fields?.filter((field) => !field.name.value.startsWith('_')) }
        : definition,
    )
    .sort((a, b) => named(a).localeCompare(named(b)));
  // Printers differ in how they quote descriptions ("…" or """…"""): compare the text only.
  return print(visit({ kind: Kind.DOCUMENT, definitions } as DocumentNode, { StringValue: (node) => ({ ...node, block: false }) }));
}

/**
 * The fields that cannot be served by reading a property of the parent: root
 * fields, fields with arguments, and the reference resolver of every entity.
 */
function fieldsNeedingResolvers(document: DocumentNode): string[] {
  const needed: string[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const type = definition.name.value;
    const key = definition.directives?.find((directive) => directive.name.value === 'key');
    const resolvable = key?.arguments?.find((argument) => argument.name.value === 'resolvable');
    if (key && !(resolvable?.value.kind === Kind.BOOLEAN && !resolvable.value.value)) needed.push(`${type}.__resolveReference`);
    for (const field of definition.fields ?? []) {
      if (type === 'Query' || type === 'Mutation' || (field.arguments?.length ?? 0) > 0) needed.push(`${type}.${field.name.value}`);
    }
  }
  return needed;
}

describe.each(SUBGRAPHS)('the %s subgraph’s contract', (name, handler, resolvers) => {
  it('serves exactly its checked-in schema.graphql as `_service { sdl }`', async () => {
    const server = await serveTestLambda(handler, name);
    try {
      const { body } = await postSignedGraphQL<{ _service: { sdl: string } }>(`${server.origin}/graphql`, '{ _service { sdl } }');
      expect(normalize(body.data!._service.sdl)).toBe(normalize(await sdlOf(name)));
    } finally {
      await server.close();
    }
  });

  it('has a resolver for every root field, argument-taking field and entity reference its SDL declares', async () => {
    const missing = fieldsNeedingResolvers(parse(await sdlOf(name))).filter((path) => {
      const [type, field] = path.split('.') as [string, string];
      return !(resolvers[type] as Record<string, unknown> | undefined)?.[field];
    });
    expect(missing).toEqual([]);
  });
});
