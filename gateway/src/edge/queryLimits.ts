import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { ValidationRule } from 'graphql';

import type { GatewayConfig } from '../config';
import { maxRootFieldsRule } from './maxRootFieldsRule';

/** Validation rules that bound what one operation may cost: depth, aliases, root fields. */
export function queryLimits(config: GatewayConfig): ValidationRule[] {
  return [
    maxDepthRule({ n: config.maxDepth, ignoreIntrospection: true, flattenFragments: true, exposeLimits: true }),
    maxAliasesRule({ n: config.maxAliases, exposeLimits: true }),
    maxRootFieldsRule(config.maxRootFields),
  ] as ValidationRule[];
}
