import {
  type DocumentNode,
  getNamedType,
  getNullableType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  typeFromAST,
  visit,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';

import { MAX_PAGE_SIZE } from '@bff/kit/core';

/**
 * The cost model: every field costs 1 plus the cost of what is selected under it,
 * and a field that returns many items multiplies what is selected under it by how
 * many it may return:
 * - a field with a `first` argument: by `first` as given, or by its schema default when it
 *   is absent or null (as the subgraphs read it), or by the largest page (MAX_PAGE_SIZE)
 *   when there is no default;
 * - a list field with a list argument (`users(ids: [...])`): by the list's length.
 * So `articles(first: 10) { nodes { title comments(first: 5) { nodes { body } } } }`
 * costs 1 + 10 × (1 + 1 + (1 + 5 × (1 + 1))) = 131: list sizes multiply through nesting,
 * roughly the number of things the subgraphs are asked to read. The estimate uses
 * graphql-query-complexity's walk (fragments, `@skip`/`@include`, variables and argument
 * defaults applied) with this one estimator.
 */
const listSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => 1 + itemCount(field, args) * childComplexity;

function itemCount(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const first = field.args.find((argument) => argument.name === 'first');
  if (first) {
    const given = args.first ?? first.defaultValue;
    // A negative `first` is refused by the subgraph; counted below zero it would hide the cost of the rest.
    return typeof given === 'number' ? Math.max(0, given) : MAX_PAGE_SIZE;
  }
  if (!isListType(getNullableType(field.type))) return 1;
  const lengths = Object.values(args).flatMap((value) => (Array.isArray(value) ? [value.length] : []));
  return lengths.length ? Math.max(...lengths) : 1;
}

export interface QueryCostOptions {
  /** The request's variables, as sent. */
  variables?: Record<string, unknown>;
  /** Which operation of the document; needed only when it holds several. */
  operationName?: string;
}

/**
 * The estimated cost of one operation of a valid document (see `listSizeEstimator`).
 * Throws a GraphQLError when the variables do not fit the operation, or when the
 * document has more than 10000 selections to walk (graphql-query-complexity's bound).
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, options: QueryCostOptions = {}): number {
  return getComplexity({ schema, query: document, estimators: [listSizeEstimator], ...options });
}

/**
 * The cost of an operation before anyone sends it, with its variables unknown: a
 * `first` given by a variable and any list variable count at their largest
 * (MAX_PAGE_SIZE, the most a subgraph serves or accepts), an unset `first` at its
 * default, and any other required variable as a placeholder that costs nothing.
 */
export function worstCaseQueryCost(schema: GraphQLSchema, document: DocumentNode, operationName?: string): number {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION && (operationName === undefined || definition.name?.value === operationName),
  );
  const pageVariables = new Set<string>();
  visit(document, {
    Argument(argument) {
      if (argument.name.value === 'first' && argument.value.kind === Kind.VARIABLE) pageVariables.add(argument.value.name.value);
    },
  });
  const variables: Record<string, unknown> = {};
  for (const definition of operation?.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (!type) continue;
    if (pageVariables.has(name)) variables[name] = MAX_PAGE_SIZE;
    else if (isListType(getNullableType(type)) || isNonNullType(type)) variables[name] = placeholder(type);
  }
  return queryCost(schema, document, { variables, operationName });
}

/** A value of `type` that coerces: lists at their longest, input objects with their required fields. */
function placeholder(type: GraphQLInputType): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return Array.from({ length: MAX_PAGE_SIZE }, () => placeholder(nullable.ofType));
  if (isInputObjectType(nullable)) {
    return Object.fromEntries(
      Object.values(nullable.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
        .map((field) => [field.name, placeholder(field.type)]),
    );
  }
  if (isEnumType(nullable)) return nullable.getValues()[0]?.name;
  switch (getNamedType(nullable).name) {
    case 'Int':
    case 'Float':
      return 0;
    case 'Boolean':
      return false;
    default:
      return '';
  }
}
