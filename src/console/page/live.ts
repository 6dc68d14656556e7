// The customer's live feeds over one graphql-ws connection: the loyalty state resumed by version, the timeline,
// the profile and the agent script. graphql-ws retries nothing here: a dropped socket is re-opened by this module,
// with back-off, asking for the versions after the last one applied.
import type {
  ConsoleAgentScriptQuery,
  ConsoleCustomerUpdatedSubscription,
  ConsoleLoyaltyStateFragment,
  ConsoleTimelineEventFragment,
  TypedDocumentString,
} from './generated.js';
import {
  ConsoleCustomerUpdatedDocument,
  ConsoleLoyaltyStateChangedDocument,
  ConsoleScriptPublishedDocument,
  ConsoleTimelineEventAddedDocument,
} from './generated.js';

export type ConnectionState = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'stopped';

export interface ConnectionStatus {
  state: ConnectionState;
  /** Seconds until the next attempt, while reconnecting. */
  retryInSeconds?: number;
  /** Why the feed stopped or last failed, as the gateway put it. */
  error?: { code: string; message: string };
}

export interface LiveHandlers {
  /** A loyalty state to show: applied in version order, each once. */
  state(state: ConsoleLoyaltyStateFragment): void;
  timelineEvent(event: ConsoleTimelineEventFragment): void;
  profile(update: ConsoleCustomerUpdatedSubscription['customerUpdated']): void;
  script(terms: ConsoleAgentScriptQuery['programTerms']): void;
  /** The connection is back after a drop: what has no version to resume from is to be read again. */
  resumed(): void;
  status(status: ConnectionStatus): void;
}

/**
 * The one version rule of the page. Pushes (`accept`): CURRENT replaces whatever the page has (it comes instead of
 * versions too old to replay); MISSED and LIVE apply only when newer than the last applied, so a replay never goes
 * back. The page's own reads (`read`, always CURRENT): shown unless older than what is on screen; the same version
 * is shown again, as such a read carries details (progress, expiring points) a push does not.
 */
export class VersionGate {
  constructor(private last: number | undefined = undefined) {}

  get version(): number | undefined {
    return this.last;
  }

  accept(state: Pick<ConsoleLoyaltyStateFragment, 'version' | 'source'>): boolean {
    if (state.source !== 'CURRENT' && this.last !== undefined && state.version <= this.last) return false;
    this.last = state.version;
    return true;
  }

  read(state: Pick<ConsoleLoyaltyStateFragment, 'version'>): boolean {
    if (this.last !== undefined && state.version < this.last) return false;
    this.last = state.version;
    return true;
  }
}

/** Close codes after which retrying cannot help: the key is bad, revoked or expired, or the request malformed. */
const FATAL_CLOSE_CODES = new Set([4400, 4401, 4403, 4406, 4409]);
/** Error codes that end the state feed for good: asking again gives the same answer. */
const FATAL_ERROR_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);
const MAX_BACKOFF_MS = 30_000;

/** The wait before attempt `n` (0-based): 1 s doubling to 30 s, with jitter so tills and desks do not stampede. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt);
  return Math.round(base / 2 + (random() * base) / 2);
}

interface CloseLike {
  code: number;
  reason: string;
}

function isClose(value: unknown): value is CloseLike {
  return typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'number';
}

/** The error code word a close reason starts with ("UNAUTHENTICATED: ..."), else one made of the close code. */
export function closeError(close: CloseLike): { code: string; message: string } {
  const match = /^([A-Z][A-Z_]+):\s*(.*)$/.exec(close.reason);
  if (match) return { code: match[1], message: match[2] || close.reason };
  return { code: `WS_CLOSE_${close.code}`, message: close.reason || 'The connection closed.' };
}

function graphQLError(value: unknown): { code: string; message: string } | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const first = value[0] as { message?: string; extensions?: { code?: string } };
  return { code: first.extensions?.code ?? 'GRAPHQL_ERROR', message: first.message ?? 'Subscription refused.' };
}

export class LiveCustomer {
  private readonly gate: VersionGate;
  private client: GraphqlWsClient | undefined;
  private unsubscribers: (() => void)[] = [];
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private everConnected = false;
  private dropped = false;
  /** The state feed alone, re-subscribed when the gateway ends it while the socket stays open. */
  private stateUnsubscribe: (() => void) | undefined;
  private stateAttempt = 0;
  private stateTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly key: string,
    private readonly customerId: string,
    private readonly locale: string,
    sinceVersion: number | undefined,
    private readonly handlers: LiveHandlers,
  ) {
    this.gate = new VersionGate(sinceVersion);
  }

  /** The page read the state itself: false when older than what is shown; else later pushes resume from it. */
  read(state: ConsoleLoyaltyStateFragment): boolean {
    return this.gate.read(state);
  }

  start(): void {
    this.connect();
  }

  /** Ends every feed for good; `error` says why, when it is not the page's choice. */
  stop(error?: { code: string; message: string }): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.teardown();
    this.handlers.status({ state: 'stopped', error });
  }

  private connect(): void {
    if (this.stopped) return;
    const url = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
    const client = graphqlWs.createClient({
      url,
      connectionParams: { authorization: `Bearer ${this.key}` },
      lazy: false,
      retryAttempts: 0,
      keepAlive: 15_000,
    });
    this.client = client;
    this.handlers.status({ state: this.everConnected ? 'reconnecting' : 'connecting' });
    client.on('connected', () => {
      if (client !== this.client) return;
      this.attempt = 0;
      this.stateAttempt = 0;
      const reconnected = this.everConnected;
      this.everConnected = true;
      this.dropped = false;
      this.handlers.status({ state: 'live' });
      if (reconnected) this.handlers.resumed();
    });
    client.on('closed', (event) => {
      if (client !== this.client || this.stopped) return;
      this.dropped = true;
      if (isClose(event) && FATAL_CLOSE_CODES.has(event.code)) {
        this.stop(closeError(event));
        return;
      }
      this.scheduleReconnect(isClose(event) ? closeError(event) : undefined);
    });
    this.subscribeAll(client);
  }

  private subscribeAll(client: GraphqlWsClient): void {
    const id = this.customerId;
    this.followState(client);
    this.unsubscribers = [
      this.follow(client, ConsoleTimelineEventAddedDocument, { customerId: id }, (d) =>
        this.handlers.timelineEvent(d.timelineEventAdded),
      ),
      this.follow(client, ConsoleCustomerUpdatedDocument, { customerId: id }, (d) =>
        this.handlers.profile(d.customerUpdated),
      ),
      this.follow(client, ConsoleScriptPublishedDocument, { locale: this.locale }, (d) =>
        this.handlers.script(d.programTermsPublished),
      ),
    ];
  }

  /** The loyalty state from the last applied version; if the gateway ends it, asked again with back-off. */
  private followState(client: GraphqlWsClient): void {
    this.stateUnsubscribe = this.follow(
      client,
      ConsoleLoyaltyStateChangedDocument,
      { customerId: this.customerId, sinceVersion: this.gate.version },
      (d) => {
        this.stateAttempt = 0;
        if (this.gate.accept(d.loyaltyStateChanged)) this.handlers.state(d.loyaltyStateChanged);
      },
      (error) => this.stateEnded(client, error),
    );
  }

  private stateEnded(client: GraphqlWsClient, error: { code: string; message: string } | undefined): void {
    this.stateUnsubscribe = undefined;
    if (error && FATAL_ERROR_CODES.has(error.code)) {
      this.stop(error);
      return;
    }
    const wait = backoffMs(this.stateAttempt);
    this.stateAttempt += 1;
    this.handlers.status({ state: 'reconnecting', retryInSeconds: Math.ceil(wait / 1000), error });
    clearTimeout(this.stateTimer);
    this.stateTimer = setTimeout(() => {
      if (this.stopped || client !== this.client) return;
      this.followState(client);
      this.handlers.status({ state: 'live' });
    }, wait);
  }

  /**
   * One subscription. A closed socket is handled once, by the 'closed' listener; a refusal is shown; `ended`, if
   * given, hears when the gateway ends the subscription on a socket still open (not when this page unsubscribes).
   */
  private follow<TResult, TVariables extends Record<string, unknown>>(
    client: GraphqlWsClient,
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables,
    onData: (data: TResult) => void,
    ended?: (error: { code: string; message: string } | undefined) => void,
  ): () => void {
    let active = true;
    let refused: { code: string; message: string } | undefined;
    const end = (error: { code: string; message: string } | undefined): void => {
      if (!active || client !== this.client || this.stopped) return;
      active = false;
      if (ended) ended(error);
      else if (error) this.handlers.status({ state: 'live', error });
    };
    const unsubscribe = client.subscribe<TResult>(
      { query: document.toString(), variables },
      {
        next: (result) => {
          refused = graphQLError(result.errors);
          if (refused) this.handlers.status({ state: this.dropped ? 'reconnecting' : 'live', error: refused });
          else if (result.data) onData(result.data);
        },
        // An array is the gateway's refusal; anything else is the socket failing, which 'closed' handles.
        error: (error) => {
          if (Array.isArray(error)) end(graphQLError(error));
        },
        complete: () => end(refused),
      },
    );
    return () => {
      active = false;
      unsubscribe();
    };
  }

  private scheduleReconnect(error: { code: string; message: string } | undefined): void {
    this.teardown();
    const wait = backoffMs(this.attempt);
    this.attempt += 1;
    this.handlers.status({ state: 'reconnecting', retryInSeconds: Math.ceil(wait / 1000), error });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), wait);
  }

  private teardown(): void {
    clearTimeout(this.stateTimer);
    this.stateUnsubscribe?.();
    this.stateUnsubscribe = undefined;
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.unsubscribers = [];
    const client = this.client;
    this.client = undefined;
    void client?.dispose();
  }
}
