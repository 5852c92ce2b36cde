import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { ErrorCode } from '@bff/kit/core';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

import type { GatewaySettings } from '../settings';
import type { GatewayPlugin } from './gatewayPlugin';
import { maxRootFieldsRule } from './maxRootFieldsRule';

// graphql-armor throws by default, which Apollo Server answers with a 500; reported
// as validation errors instead, they get a 400 and GRAPHQL_VALIDATION_FAILED.
const reportInstead = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED } })),
  ],
};

/**
 * Query limits: validation rules that bound the shape of one operation (MAX_QUERY_DEPTH,
 * MAX_QUERY_ALIASES, MAX_ROOT_FIELDS), refused with 400 GRAPHQL_VALIDATION_FAILED.
 */
export function queryLimits(limits: Pick<GatewaySettings, 'maxDepth' | 'maxAliases' | 'maxRootFields'>): GatewayPlugin {
  return {
    name: 'queryLimits',
    validationRules: [
      maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, exposeLimits: true, ...reportInstead }),
      maxAliasesRule({ n: limits.maxAliases, exposeLimits: true, ...reportInstead }),
      maxRootFieldsRule(limits.maxRootFields),
    ] as ValidationRule[],
  };
}
