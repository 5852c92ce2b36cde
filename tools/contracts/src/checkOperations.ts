import { type GraphQLSchema, Kind, parse, Source, validate } from 'graphql';

import { worstCaseQueryCost } from '@bff/gateway/queryCost';
import { DEFAULT_MAX_QUERY_COST } from '@bff/gateway/settings';
import { ErrorCode } from '@bff/kit/catalogue';

import type { OperationDocument } from './loadOperations';

/**
 * A frontend operation that the client schema no longer serves (`invalid`), or that
 * the gateway would refuse as too costly with its variables at their worst (`too-costly`).
 */
export interface OperationProblem {
  kind: 'invalid' | 'too-costly';
  file: string;
  operation: string;
  message: string;
}

/**
 * Validates each document against the client schema, and estimates each valid
 * operation's cost with its variables unknown (see `worstCaseQueryCost`) against
 * `maxCost`, the gateway's default MAX_QUERY_COST unless given. A problem names the file,
 * the operation and what is wrong (e.g. `Cannot query field "title" on type "Article"`).
 */
export function checkOperations(schema: GraphQLSchema, documents: OperationDocument[], maxCost = DEFAULT_MAX_QUERY_COST): OperationProblem[] {
  const problems: OperationProblem[] = [];
  for (const { file, text } of documents) {
    let document;
    try {
      document = parse(new Source(text, file));
    } catch (error) {
      problems.push({ kind: 'invalid', file, operation: '(unparsed)', message: (error as Error).message });
      continue;
    }
    const names = document.definitions.flatMap((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION ? [definition.name?.value ?? '(anonymous)'] : [],
    );
    const errors = validate(schema, document);
    for (const error of errors) {
      // Name the operation the error sits in, found by position.
      const at = error.locations?.[0]?.line ?? 0;
      const operation =
        document.definitions
          .filter((definition) => definition.kind === Kind.OPERATION_DEFINITION && (definition.loc?.startToken.line ?? 0) <= at)
          .map((definition) => (definition.kind === Kind.OPERATION_DEFINITION ? definition.name?.value : undefined))
          .at(-1) ?? names[0] ?? '(anonymous)';
      problems.push({ kind: 'invalid', file, operation, message: error.message });
    }
    if (errors.length) continue;
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const operation = definition.name?.value;
      let message: string | undefined;
      try {
        const cost = worstCaseQueryCost(schema, document, operation);
        if (cost > maxCost) message = `Estimated to cost ${cost} with its variables at their worst; the gateway refuses more than ${maxCost} (${ErrorCode.QUERY_TOO_COSTLY}).`;
      } catch (error) {
        message = `Its cost cannot be estimated: ${(error as Error).message}`;
      }
      if (message) problems.push({ kind: 'too-costly', file, operation: operation ?? '(anonymous)', message });
    }
  }
  return problems;
}
