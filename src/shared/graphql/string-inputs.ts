import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';

import { AppError, beforeExecution } from '../errors';
import { checkControlCharacters, FREE_TEXT_FIELDS } from '../validation';

/** Strings inside a scalar's value: a String or ID, or the keys and strings of a JSON value. */
function checkScalar(value: unknown, path: string, freeText: boolean): void {
  if (typeof value === 'string') checkControlCharacters(value, path, freeText);
  else if (Array.isArray(value)) value.forEach((item, index) => checkScalar(item, `${path}.${index}`, freeText));
  else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      checkControlCharacters(key, path, freeText);
      checkScalar(item, `${path}.${key}`, freeText);
    }
  }
}

function checkValue(value: unknown, type: GraphQLInputType, path: string, name: string): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return checkValue(value, type.ofType, path, name);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((item, index) => checkValue(item, type.ofType, `${path}.${index}`, name));
    return;
  }
  if (isInputObjectType(type)) {
    const fields = value as Record<string, unknown>;
    for (const field of Object.values(type.getFields()))
      checkValue(fields[field.name], field.type, `${path}.${field.name}`, field.name);
    return;
  }
  // An enum's values are the schema's own.
  if (isEnumType(type)) return;
  checkScalar(value, path, FREE_TEXT_FIELDS.has(name));
}

interface ArgumentSite {
  field: GraphQLField<unknown, unknown>;
  node: FieldNode;
}

/** The fields of an operation (its fragments included) that are passed arguments, in document order. */
function argumentSites(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode) {
  const sites: ArgumentSite[] = [];
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const field = typeInfo.getFieldDef();
      if (field && field.args.length > 0 && node.arguments?.length) sites.push({ field, node });
    },
  });
  visit(operation, visitor);
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  return sites;
}

/** Per parsed operation (a repeated one reuses its parse): where its arguments are, found once. */
const sitesOf = new WeakMap<OperationDefinitionNode, { schema: GraphQLSchema; sites: ArgumentSite[] }>();

/**
 * Refuses control characters in every string the operation passes to a field, literal or variable, before
 * anything runs; the error names the argument path (`input.name`, `search`). Variables or arguments that do
 * not coerce are left to graphql-js, which reports them in its own words.
 */
export function checkStringInputs(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): void {
  const operation = getOperationAST(document, operationName);
  if (!operation) return;
  let known = sitesOf.get(operation);
  if (known?.schema !== schema) {
    known = { schema, sites: argumentSites(schema, document, operation) };
    sitesOf.set(operation, known);
  }
  if (known.sites.length === 0) return;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return;
  for (const { field, node } of known.sites) {
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, node, coerced.coerced);
    } catch {
      continue;
    }
    for (const arg of field.args) checkValue(args[arg.name], arg.type, arg.name, arg.name);
  }
}

/** For executors other than Apollo's (graphql-ws): the refusal as a result, or undefined to go on. */
export function refuseBadStrings(args: ExecutionArgs): ExecutionResult | undefined {
  try {
    checkStringInputs(args.schema, args.document, args.operationName, args.variableValues);
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return { errors: [error] };
    throw error;
  }
}

/** Apollo plugin: the check runs once the operation is known, before execution; the refusal answers 400. */
export function stringInputsPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ schema, document, operationName, request }) => {
          try {
            checkStringInputs(schema, document, operationName, request.variables);
          } catch (error) {
            throw error instanceof AppError ? beforeExecution(error) : error;
          }
          return Promise.resolve();
        },
      }),
  };
}
