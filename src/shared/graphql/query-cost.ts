import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  getVariableValues,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  visit,
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
 * The variables a document's cost can depend on: those inside a `first` argument (the page estimator) or a
 * directive (`@skip`, `@include`). Every other variable leaves the cost as it is.
 */
function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  let depth = 0;
  const enter = () => void (depth += 1);
  const leave = () => void (depth -= 1);
  visit(document, {
    Argument: {
      enter: (node) => void (node.name.value === 'first' && enter()),
      leave: (node) => void (node.name.value === 'first' && leave()),
    },
    Directive: { enter, leave },
    Variable: (node) => void (depth > 0 && names.add(node.name.value)),
  });
  return [...names].sort();
}

interface CostCache {
  variables: string[];
  costs: Map<string, number>;
}

/**
 * Costs already computed, per parsed document (Apollo and the WebSocket server reuse the parsed document of a
 * repeated operation) and per value of the variables the cost depends on: a repeated operation is not walked
 * again. Bounded per document, so a client varying page sizes cannot grow it.
 */
const computed = new WeakMap<DocumentNode, CostCache>();
const COSTS_PER_DOCUMENT = 32;

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
  let cache = computed.get(document);
  if (!cache) computed.set(document, (cache = { variables: costVariables(document), costs: new Map() }));
  const key = JSON.stringify([operation.name?.value, maxCost, cache.variables.map((name) => coerced.coerced[name])]);
  const known = cache.costs.get(key);
  if (known !== undefined) return known;
  const cost = complexity(schema, document, operation, variables, maxCost);
  if (cache.costs.size < COSTS_PER_DOCUMENT) cache.costs.set(key, cost);
  return cost;
}

function complexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  maxCost: number,
): number {
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
