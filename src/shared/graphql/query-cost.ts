import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  getVariableValues,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { type ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { Extensions } from 'type-graphql';

import { limitError } from '../errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection';

const MAX_PAGE_SIZE_EXTENSION = 'maxPageSize';

/**
 * For a field whose `first` may go above MAX_PAGE_SIZE: the largest page it serves, so its cost counts the
 * rows it can really return.
 */
export function MaxPageSize(size: number): MethodDecorator & PropertyDecorator {
  return Extensions({ [MAX_PAGE_SIZE_EXTENSION]: size });
}

function maxPageSizeOf(field: GraphQLField<unknown, unknown>): number {
  const declared = field.extensions[MAX_PAGE_SIZE_EXTENSION];
  return typeof declared === 'number' ? declared : MAX_PAGE_SIZE;
}

/**
 * A field with a `first` argument costs its children once per row of the page. The page is the size asked
 * for, the field's default when none is, and at most what the field serves: a larger `first` is refused by
 * the resolver (BAD_USER_INPUT naming `first`) before any statement, so it is costed as the largest page.
 */
const pageEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((arg) => arg.name === 'first')) return undefined;
  const asked: unknown = args.first;
  const rows = typeof asked === 'number' && asked > 0 ? Math.min(asked, maxPageSizeOf(field)) : DEFAULT_PAGE_SIZE;
  return 1 + rows * childComplexity;
};

/** Every other field costs 1 plus its children: a list without `first` is bounded by the domain, not the client. */
const estimators = [pageEstimator, simpleEstimator({ defaultComplexity: 1 })];

/**
 * The cost of the operation with its variables applied; null when the variables do not coerce (execution
 * refuses them with BAD_USER_INPUT before any resolver runs, as without this check).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  maxCost: number,
): number | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return null;
  try {
    return getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      operationName: operation.name?.value,
      estimators,
      // Each field costs at least 1, so counting further than the limit only spends time.
      maxQueryNodes: maxCost + 1,
    });
  } catch {
    // More fields (fragments spread over and over included) than the limit: over it, whatever they cost.
    return Infinity;
  }
}

/**
 * Throws GRAPHQL_VALIDATION_FAILED (reason QUERY_TOO_COSTLY, with `cost` and `maxCost`) when the operation,
 * variables applied, costs more than `maxCost`. The one cost check, for HTTP and WebSocket alike.
 */
export function assertOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  maxCost: number,
): void {
  const cost = operationCost(schema, document, operation, variables, maxCost);
  if (cost !== null && cost > maxCost) throw limitError.queryTooCostly(Number.isFinite(cost) ? cost : null, maxCost);
}

/** Apollo: the cost check once the operation is known and before it executes. */
export function queryCostPlugin<T extends object>(maxCost: number): ApolloServerPlugin<T> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ schema, document, operation, request }) => {
          if (!operation) return Promise.resolve();
          assertOperationCost(schema, document, operation, request.variables, maxCost);
          return Promise.resolve();
        },
      }),
  };
}
