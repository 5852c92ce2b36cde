import { GraphQLError, Kind, type ValidationContext, type ASTVisitor } from 'graphql';

/**
 * Refuses an operation that asks for more than `limit` root fields: each one
 * can fan out to a subgraph, so a wide query is as costly as a deep one.
 */
export function maxRootFieldsRule(limit: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const count = operation.selectionSet.selections.filter(
        (selection) => selection.kind === Kind.FIELD && !selection.name.value.startsWith('__'),
      ).length;
      if (count > limit) {
        context.reportError(
          new GraphQLError(`This operation asks for ${count} root fields; at most ${limit} are allowed.`, {
            nodes: [operation],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
        );
      }
    },
  });
}
