// Queries and mutations over fetch, to the gateway that served the page; the key travels only in the header.
import type { TypedDocumentString } from './generated.js';

/** A failure the agent can read: the gateway's extensions.code (or a transport code) and its message. */
export class ConsoleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Runs one operation with the key as `Authorization: Bearer`; any GraphQL error rejects with its code. */
export async function request<TResult, TVariables>(
  key: string,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: document.toString(), variables }),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new ConsoleError('NETWORK_ERROR', 'The gateway cannot be reached.');
  }
  let body: GraphQLResponse<TResult>;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new ConsoleError(`HTTP_${response.status}`, `The gateway answered ${response.status} without GraphQL.`);
  }
  const error = body.errors?.[0];
  if (error) throw new ConsoleError(error.extensions?.code ?? `HTTP_${response.status}`, error.message);
  if (!body.data) throw new ConsoleError(`HTTP_${response.status}`, 'The gateway answered without data.');
  return body.data;
}

/** "CODE: message" for any thrown value, for the page to show in words. */
export function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof ConsoleError) return { code: error.code, message: error.message };
  return { code: 'CLIENT_ERROR', message: error instanceof Error ? error.message : String(error) };
}
