import {
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  Kind,
  OperationTypeNode,
  parse,
  print,
  type TypeNode,
} from 'graphql';

/** A subgraph's SDL, by name. */
export interface SubgraphSdl {
  name: string;
  sdl: string;
}

/**
 * A field the rule refuses (`non-null`), or an entity whose owner cannot be
 * told (`ambiguous-owner`, with `field` the type's name and `subgraph` the
 * candidates).
 */
export interface NullabilityProblem {
  kind: 'non-null' | 'ambiguous-owner';
  subgraph: string;
  /** `Type.field`, or the entity's name for `ambiguous-owner`. */
  field: string;
  /** The field's type as declared, e.g. `User!`; the entity's name for `ambiguous-owner`. */
  type: string;
  reason: string;
}

/** One object or interface definition (or extension) of a subgraph. */
interface Definition {
  type: string;
  fields: readonly FieldDefinitionNode[];
  directives: readonly ConstDirectiveNode[];
}

/** What the rule needs from one subgraph's SDL. */
interface Subgraph {
  name: string;
  definitions: Definition[];
  queryType: string;
  keyDirectives: Set<string>;
  externalDirectives: Set<string>;
}

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));

/**
 * The names a subgraph may use for a federation directive: the plain name (Federation 1, or
 * imported), the `federation__` namespaced one, and any alias its `@link(import:)` gives.
 */
function directiveNames(document: DocumentNode, directive: string): Set<string> {
  const names = new Set([directive, `federation__${directive}`]);
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      const imports = link.name.value === 'link' ? link.arguments?.find((argument) => argument.name.value === 'import')?.value : undefined;
      if (imports?.kind !== Kind.LIST) continue;
      for (const entry of imports.values) {
        if (entry.kind !== Kind.OBJECT) continue;
        const value = (name: string) => entry.fields.find((field) => field.name.value === name)?.value;
        const name = value('name');
        const as = value('as');
        if (name?.kind === Kind.STRING && name.value === `@${directive}` && as?.kind === Kind.STRING) names.add(as.value.replace(/^@/, ''));
      }
    }
  }
  return names;
}

function readSubgraph({ name, sdl }: SubgraphSdl): Subgraph {
  const document = parse(sdl);
  let queryType = 'Query';
  const definitions: Definition[] = [];
  for (const definition of document.definitions) {
    switch (definition.kind) {
      case Kind.SCHEMA_DEFINITION:
      case Kind.SCHEMA_EXTENSION:
        queryType = definition.operationTypes?.find((operation) => operation.operation === OperationTypeNode.QUERY)?.type.name.value ?? queryType;
        break;
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION:
        definitions.push({ type: definition.name.value, fields: definition.fields ?? [], directives: definition.directives ?? [] });
        break;
      default:
        break;
    }
  }
  return { name, definitions, queryType, keyDirectives: directiveNames(document, 'key'), externalDirectives: directiveNames(document, 'external') };
}

/** The top-level fields of every `@key(fields: "…")` a subgraph puts on a type. */
function keyFields(subgraph: Subgraph, type: string): Set<string> {
  const keys = new Set<string>();
  for (const definition of subgraph.definitions.filter((candidate) => candidate.type === type)) {
    for (const directive of definition.directives.filter((candidate) => subgraph.keyDirectives.has(candidate.name.value))) {
      const fields = directive.arguments?.find((argument) => argument.name.value === 'fields')?.value;
      if (fields?.kind !== Kind.STRING) continue;
      const [operation] = parse(`{${fields.value}}`).definitions;
      for (const selection of operation?.kind === Kind.OPERATION_DEFINITION ? operation.selectionSet.selections : []) {
        if (selection.kind === Kind.FIELD) keys.add(selection.name.value);
      }
    }
  }
  return keys;
}

const isExternal = (subgraph: Subgraph, field: FieldDefinitionNode) =>
  (field.directives ?? []).some((directive) => subgraph.externalDirectives.has(directive.name.value));

/** The fields a subgraph resolves itself on a type: neither a key field nor @external. */
function ownFields(subgraph: Subgraph, type: string): FieldDefinitionNode[] {
  const keys = keyFields(subgraph, type);
  return subgraph.definitions
    .filter((definition) => definition.type === type)
    .flatMap((definition) => definition.fields)
    .filter((field) => !keys.has(field.name.value) && !isExternal(subgraph, field));
}

/**
 * Who owns each entity (a type with `@key` in any subgraph): the subgraph with
 * a field of its root query type whose named type is the entity (`user(id): User`,
 * `users(ids): [User]!`); when none or several have one, the one among them
 * (or among all) that resolves the most of the entity's fields that are neither
 * key fields nor `@external`. A tie for the most is `ambiguous`: someone must
 * decide, by adding a root field to the owner or moving fields.
 */
function entityOwners(subgraphs: Subgraph[]): { owners: Map<string, string>; ambiguous: NullabilityProblem[] } {
  const entities = new Set(
    subgraphs.flatMap((subgraph) =>
      subgraph.definitions
        .filter((definition) => definition.directives.some((directive) => subgraph.keyDirectives.has(directive.name.value)))
        .map((definition) => definition.type),
    ),
  );
  const owners = new Map<string, string>();
  const ambiguous: NullabilityProblem[] = [];
  for (const entity of [...entities].sort()) {
    const defining = subgraphs.filter((subgraph) => subgraph.definitions.some((definition) => definition.type === entity));
    const withRootField = defining.filter((subgraph) =>
      subgraph.definitions.some(
        (definition) => definition.type === subgraph.queryType && definition.fields.some((field) => namedType(field.type) === entity),
      ),
    );
    const candidates = withRootField.length ? withRootField : defining;
    const counted = candidates.map((subgraph) => ({ name: subgraph.name, fields: ownFields(subgraph, entity).length }));
    const most = Math.max(...counted.map((candidate) => candidate.fields));
    const top = counted.filter((candidate) => candidate.fields === most).map((candidate) => candidate.name);
    if (top.length === 1) {
      owners.set(entity, top[0]!);
      continue;
    }
    ambiguous.push({
      kind: 'ambiguous-owner',
      subgraph: top.join(', '),
      field: entity,
      type: entity,
      reason: withRootField.length
        ? `cannot tell which subgraph owns ${entity}: ${top.join(' and ')} each have a root query field returning it and resolve ${most} of its fields; move fields to its owner`
        : `cannot tell which subgraph owns ${entity}: ${top.join(' and ')} each resolve ${most} of its fields; give its owner a root query field returning it`,
    });
  }
  return { owners, ambiguous };
}

/**
 * The cross-subgraph nullability rule. A subgraph that is down, or whose circuit is
 * open, leaves its fields null; a non-null field then takes its parent down with it,
 * up to `data: null`. So in each subgraph S:
 *
 * (a) a field S adds to an entity owned by another subgraph (`Article.commentCount`
 *     in comments) must be nullable at its outermost type, and
 * (b) a field whose named type is an entity owned by another subgraph
 *     (`Article.author: User` in articles) must be nullable at its outermost type,
 *
 * except key fields and `@external` fields, which S only refers to. Ownership is
 * defined in `entityOwners`. Returns the problems as data, sorted; empty when the
 * subgraphs keep the rule.
 */
export function crossSubgraphNullability(sdls: SubgraphSdl[]): NullabilityProblem[] {
  const subgraphs = sdls.map(readSubgraph);
  const { owners, ambiguous } = entityOwners(subgraphs);
  const problems: NullabilityProblem[] = [];
  for (const subgraph of subgraphs) {
    const seen = new Set<string>();
    for (const definition of subgraph.definitions) {
      const keys = keyFields(subgraph, definition.type);
      const parentOwner = owners.get(definition.type);
      for (const field of definition.fields) {
        const path = `${definition.type}.${field.name.value}`;
        if (field.type.kind !== Kind.NON_NULL_TYPE || keys.has(field.name.value) || isExternal(subgraph, field) || seen.has(path)) continue;
        const valueOwner = owners.get(namedType(field.type));
        const reason =
          parentOwner !== undefined && parentOwner !== subgraph.name
            ? `${subgraph.name} adds it to ${definition.type}, which is owned by ${parentOwner}`
            : valueOwner !== undefined && valueOwner !== subgraph.name
              ? `${namedType(field.type)} is owned by ${valueOwner}`
              : undefined;
        if (reason === undefined) continue;
        seen.add(path);
        problems.push({ kind: 'non-null', subgraph: subgraph.name, field: path, type: print(field.type), reason });
      }
    }
  }
  const order = (problem: NullabilityProblem) => `${problem.subgraph}\u0000${problem.field}`;
  return [...ambiguous, ...problems.sort((a, b) => order(a).localeCompare(order(b)))];
}

/** One line per problem, e.g. `articles: Article.author is User! but User is owned by users: …must be nullable`. */
export function describeNullabilityProblems(problems: NullabilityProblem[]): string {
  return problems
    .map((problem) =>
      problem.kind === 'ambiguous-owner'
        ? `${problem.subgraph}: ${problem.reason}`
        : `${problem.subgraph}: ${problem.field} is ${problem.type} but ${problem.reason}: a field whose value comes from another subgraph must be nullable`,
    )
    .join('\n');
}
