import { ErrorCode } from '@bff/kit/core';
import { getVariableValues, GraphQLError } from 'graphql';

import type { GatewayPlugin } from './gatewayPlugin';
import { queryCost } from './queryCost';

/**
 * Demand control: refuses, before anything is planned or sent to a subgraph, an
 * operation whose estimated cost (see `queryCost`) is over `maxCost` (MAX_QUERY_COST), with status 400
 * and `extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost }`. It runs once the
 * operation is resolved, as only then are its variables (a `$first`) known.
 */
export function demandControl(maxCost: number): GatewayPlugin {
  return {
    name: 'demandControl',
    apollo: {
      requestDidStart() {
        return Promise.resolve({
          // Thrown here (not in validation), Apollo Server answers with this error and its status.
          didResolveOperation({ request, document, schema, operation }) {
            // No operation of that name: the engine refuses it itself (OPERATION_RESOLUTION_FAILURE).
            if (!operation) return Promise.resolve();
            let cost: number;
            try {
              cost = queryCost(schema, document, { variables: request.variables, operationName: operation.name?.value });
            } catch (error) {
              if (!(error instanceof GraphQLError)) throw error;
              // Variables that do not fit the operation: the engine refuses them itself (BAD_USER_INPUT)
              // before calling any subgraph. Checked only here, so that a request's variables are
              // coerced once (inside `queryCost`) when they fit.
              if (getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}).errors) return Promise.resolve();
              // Otherwise only a document too large to walk is refused here (see `queryCost`).
              throw new GraphQLError(`This operation has too many selections to estimate its cost; at most ${maxCost} is allowed.`, {
                extensions: { code: ErrorCode.QUERY_TOO_COSTLY, maxCost, http: { status: 400 } },
              });
            }
            if (cost > maxCost) {
              throw new GraphQLError(
                `This operation is estimated to cost ${cost}; at most ${maxCost} is allowed. Ask for smaller pages (first) or fewer nested lists.`,
                { extensions: { code: ErrorCode.QUERY_TOO_COSTLY, cost, maxCost, http: { status: 400 } } },
              );
            }
            return Promise.resolve();
          },
        });
      },
    },
  };
}
