import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { type Client as WsClient, createClient } from 'graphql-ws';
import request from 'supertest';
import WebSocket from 'ws';

import type { TestGateway } from './gateway';

export type Variables = Record<string, unknown>;

/**
 * The data of an inline query that has no generated type. Shared operations are typed documents
 * (test/operations/*.graphql through `npm run codegen`); a one-off query read loosely keeps the test short.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: the loose read of a one-off query
export type Untyped = Record<string, any>;

export interface GraphQLError {
  message: string;
  path?: string[];
  extensions?: { code?: string; field?: string; reason?: string } & Record<string, unknown>;
}

export interface GraphQLResponse<T = Untyped> {
  status: number;
  data?: T | null;
  errors?: GraphQLError[];
}

type Operation<TData, TVariables> = string | TypedDocumentNode<TData, TVariables>;

export function errorCode(res: { errors?: GraphQLError[] }): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}

/**
 * One caller of the gateway: every request carries its credential, so a test names who asks, never a key.
 * Typed documents give typed data and variables; an inline query string gives {@link Untyped} data.
 */
export class ApiClient {
  constructor(
    readonly gw: TestGateway,
    /** The bearer credential, for the few tests about credentials themselves (raw sockets, revocation). */
    readonly token?: string,
  ) {}

  /** The same caller on another instance of the gateway. */
  on(gw: TestGateway): ApiClient {
    return new ApiClient(gw, this.token);
  }

  /** One request over HTTP, the way a client sends it; errors are returned, not thrown. */
  async gql<TData = Untyped, TVariables extends Variables = Variables>(
    query: Operation<TData, TVariables>,
    variables?: TVariables,
  ): Promise<GraphQLResponse<TData>> {
    let req = request(this.gw.url).post('/graphql').set('content-type', 'application/json');
    if (this.token) req = req.set('authorization', `Bearer ${this.token}`);
    const res = await req.send({ query: typeof query === 'string' ? query : print(query), variables: variables ?? {} });
    return { status: res.status, ...(res.body as object) };
  }

  /** Like {@link gql}, but fails the test on any GraphQL error and returns the data. */
  async data<TData = Untyped, TVariables extends Variables = Variables>(
    query: Operation<TData, TVariables>,
    variables?: TVariables,
  ): Promise<TData> {
    const res = await this.gql(query, variables);
    if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors ?? res)}`);
    return res.data;
  }

  /** A graphql-ws client that authenticates as this caller on connect. */
  ws(): WsClient {
    return createClient({
      url: this.gw.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: this.token ? { authorization: `Bearer ${this.token}` } : {},
      retryAttempts: 0,
      lazy: true,
    });
  }
}

/** A caller holding an API key: its id is what actor fields and revocation name. */
export class KeyClient extends ApiClient {
  constructor(
    gw: TestGateway,
    readonly id: string,
    readonly secret: string,
  ) {
    super(gw, secret);
  }

  override on(gw: TestGateway): KeyClient {
    return new KeyClient(gw, this.id, this.secret);
  }
}
