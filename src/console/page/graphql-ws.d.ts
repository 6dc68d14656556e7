// The part of graphql-ws's browser build (served at /console/vendor/graphql-ws-<version>.min.js, global
// `graphqlWs`) the console uses; declared here so the page compiles without the library's Node typings.
interface GraphqlWsSink<T> {
  next(value: { data?: T | null; errors?: readonly { message: string; extensions?: { code?: string } }[] }): void;
  error(error: unknown): void;
  complete(): void;
}

interface GraphqlWsClient {
  subscribe<T>(payload: { query: string; variables?: Record<string, unknown> }, sink: GraphqlWsSink<T>): () => void;
  on(event: 'connecting' | 'connected' | 'closed', listener: (event?: unknown) => void): () => void;
  dispose(): void | Promise<void>;
}

interface GraphqlWsClientOptions {
  url: string;
  connectionParams?: Record<string, unknown>;
  lazy?: boolean;
  retryAttempts?: number;
  keepAlive?: number;
}

declare const graphqlWs: { createClient(options: GraphqlWsClientOptions): GraphqlWsClient };
