import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

import type { GatewaySettings } from '../settings';
import { maxRootFieldsRule } from './maxRootFieldsRule';

// graphql-armor throws by default, which Apollo Server answers with a 500; reported
// as validation errors instead, they get a 400 and GRAPHQL_VALIDATION_FAILED.
const reportInstead = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })),
  ],
};

/** Validation rules that bound what one operation may cost: depth, aliases, root fields. */
export function queryLimits(config: Pick<GatewaySettings, 'maxDepth' | 'maxAliases' | 'maxRootFields'>): ValidationRule[] {
  return [
    maxDepthRule({ n: config.maxDepth, ignoreIntrospection: true, flattenFragments: true, exposeLimits: true, ...reportInstead }),
    maxAliasesRule({ n: config.maxAliases, exposeLimits: true, ...reportInstead }),
    maxRootFieldsRule(config.maxRootFields),
  ] as ValidationRule[];
}
