import { ErrorCode } from '@bff/kit/core';
import { type ASTVisitor, GraphQLError, Kind, type SelectionSetNode, type ValidationContext } from 'graphql';

/**
 * Refuses an operation that asks for more than `limit` root fields: each one
 * can fan out to a subgraph, so a wide query is as costly as a deep one.
 * Root fields are counted through inline fragments and fragment spreads, as
 * distinct response keys: execution merges fields of one key into one (a fragment
 * spread twice, or `{ a a }`, runs `a` once) while each alias runs again, so that
 * is how many root fields execute. `__typename` and introspection are not counted.
 */
export function maxRootFieldsRule(limit: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const count = rootResponseKeys(context, operation.selectionSet).size;
      if (count > limit) {
        context.reportError(
          new GraphQLError(`This operation asks for ${count} root fields; at most ${limit} are allowed.`, {
            nodes: [operation],
            extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED },
          }),
        );
      }
    },
  });
}

function rootResponseKeys(context: ValidationContext, selectionSet: SelectionSetNode, keys = new Set<string>(), spread = new Set<string>()) {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith('__')) keys.add(selection.alias?.value ?? selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      rootResponseKeys(context, selection.selectionSet, keys, spread);
    } else if (!spread.has(selection.name.value)) {
      // Each fragment once: spread again it adds no key, and a cycle (refused by another rule) must not loop.
      spread.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) rootResponseKeys(context, fragment.selectionSet, keys, spread);
    }
  }
  return keys;
}
