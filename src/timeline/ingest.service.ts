import { createHmac, timingSafeEqual } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/postgresql';

import { IdentifierKind, normalizeIdentifier } from '../customers/identifier.logic';
import { Channel } from '../shared/channel';
import { isUuid } from '../shared/validation';
import type { NewSignal, SignalService } from '../signals/signal.service';
import { SignalType } from '../signals/signal.types';
import { TIMELINE_COLUMNS } from './timeline';
import { TimelineKind } from './timeline.entity';

/** What other systems may report. Points, tiers and vouchers happen here and are recorded here, never ingested. */
export const EXTERNAL_KINDS: ReadonlySet<TimelineKind> = new Set([
  TimelineKind.SUPPORT_CASE,
  TimelineKind.SURVEY_RESPONSE,
  TimelineKind.INTERACTION,
  TimelineKind.NOTE,
  TimelineKind.BILLING,
]);

export const MAX_BATCH = 500;

export interface IngestEvent {
  id?: unknown;
  customer?: { id?: unknown; identifiers?: { kind?: unknown; value?: unknown }[] };
  kind?: unknown;
  channel?: unknown;
  occurredAt?: unknown;
  actor?: unknown;
  summary?: unknown;
  data?: unknown;
  ref?: unknown;
}

export type IngestOutcome =
  | { id: string | null; status: 'STORED'; timelineEventId: string }
  | { id: string | null; status: 'DUPLICATE' }
  | { id: string | null; status: 'REJECTED'; error: { code: string; field: string; message: string } };

/** How far a signed batch's timestamp may be from the gateway's clock. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * How long a delivery id is remembered: a timestamp is accepted from the tolerance before it to the
 * tolerance after it, so a captured request can be replayed for twice the tolerance, never longer.
 */
export const DELIVERY_RETENTION_SECONDS = 2 * SIGNATURE_TOLERANCE_SECONDS;

/** No dot: the delivery id sits between dots in what is signed. */
const DELIVERY_ID = /^[A-Za-z0-9_:-]{1,128}$/;
const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;
const UNIX_SECONDS = /^\d{1,12}$/;

/** What the headers of a delivery say, once they are all present and well-formed. */
export interface SignedDelivery {
  readonly tenantId: string;
  readonly timestamp: string;
  readonly deliveryId: string;
  readonly signature: Buffer;
}

export type HeaderProblem = 'HEADERS_INVALID' | 'TIMESTAMP_OUT_OF_WINDOW';

/** Checks the headers alone, before any body is read or the database asked. */
export function readSignedHeaders(
  header: (name: string) => string | undefined,
  now = Date.now(),
): SignedDelivery | HeaderProblem {
  const tenantId = header('x-loyalty-tenant')?.trim() ?? '';
  const timestamp = header('x-loyalty-timestamp')?.trim() ?? '';
  const deliveryId = header('x-loyalty-delivery')?.trim() ?? '';
  const signature = SIGNATURE.exec(header('x-loyalty-signature')?.trim() ?? '')?.[1];
  if (!isUuid(tenantId) || !UNIX_SECONDS.test(timestamp) || !DELIVERY_ID.test(deliveryId) || !signature)
    return 'HEADERS_INVALID';
  if (Math.abs(now / 1000 - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return 'TIMESTAMP_OUT_OF_WINDOW';
  return { tenantId: tenantId.toLowerCase(), timestamp, deliveryId, signature: Buffer.from(signature, 'hex') };
}

/**
 * HMAC-SHA256, keyed with the tenant's ingest secret, over `<timestamp>.<source>.<delivery id>.<raw body>`,
 * compared in constant time. Signing the source, a fresh timestamp and the delivery id means a captured
 * batch can be replayed neither to another source, nor later than the tolerance, nor under another id.
 */
export function signatureMatches(secret: string, source: string, delivery: SignedDelivery, body: Buffer): boolean {
  const expected = createHmac('sha256', secret)
    .update(`${delivery.timestamp}.${source}.${delivery.deliveryId}.`)
    .update(body)
    .digest();
  return timingSafeEqual(expected, delivery.signature);
}

/**
 * Records a delivery id in the caller's transaction (so a batch that fails to store can be sent again under
 * the same id); false when this tenant's source already delivered it within the retention. Expired ids of
 * the same tenant and source go in the same statement, so the table holds one retention's worth.
 */
export async function claimDelivery(
  em: EntityManager,
  tenantId: string,
  source: string,
  deliveryId: string,
): Promise<boolean> {
  const claimed = await em.execute<{ claimed: number }[]>(
    `with expired as (
       delete from ingest_delivery
        where tenant_id = ? and source = ? and received_at < now() - make_interval(secs => ?) and delivery_id <> ?)
     insert into ingest_delivery (tenant_id, source, delivery_id, received_at) values (?, ?, ?, now())
     on conflict (tenant_id, source, delivery_id) do update set received_at = excluded.received_at
       where ingest_delivery.received_at < now() - make_interval(secs => ?)
     returning 1 as claimed`,
    [
      tenantId,
      source,
      DELIVERY_RETENTION_SECONDS,
      deliveryId,
      tenantId,
      source,
      deliveryId,
      DELIVERY_RETENTION_SECONDS,
    ],
  );
  return claimed.length === 1;
}

interface Valid {
  index: number;
  id: string;
  customerId?: string;
  identifiers?: { kind: IdentifierKind; value: string }[];
  kind: TimelineKind;
  channel: Channel | null;
  occurredAt: Date;
  actor: string;
  summary: string;
  data: Record<string, unknown>;
  ref: string | null;
}

/** PostgreSQL text cannot hold NUL; such an event is the sender's error, not a reason to fail the batch. */
const hasNul = (value: string) => value.includes('\u0000');
const EARLIEST = Date.UTC(2000, 0, 1);

function text(value: unknown, max: number): string | null {
  if (typeof value !== 'string' || hasNul(value)) return null;
  const trimmed = value.trim();
  return trimmed.length >= 1 && trimmed.length <= max ? trimmed : null;
}

/** Checks one event; a problem names the field in the batch (`events.3.kind`). */
function validate(
  event: IngestEvent,
  index: number,
  now: number,
): Valid | { field: string; code: string; message: string } {
  const at = (field: string) => `events.${index}.${field}`;
  const id = text(event.id, 200);
  if (!id)
    return {
      field: at('id'),
      code: 'INVALID',
      message: "id is required: the event's id in the source system (1 to 200 characters)",
    };
  if (typeof event.kind !== 'string' || !EXTERNAL_KINDS.has(event.kind as TimelineKind)) {
    return { field: at('kind'), code: 'INVALID', message: `kind must be one of ${[...EXTERNAL_KINDS].join(', ')}` };
  }
  if (
    event.channel !== undefined &&
    event.channel !== null &&
    !Object.values(Channel).includes(event.channel as Channel)
  ) {
    return {
      field: at('channel'),
      code: 'INVALID',
      message: `channel must be one of ${Object.values(Channel).join(', ')}`,
    };
  }
  const occurredAt = typeof event.occurredAt === 'string' ? new Date(event.occurredAt) : new Date(Number.NaN);
  if (
    Number.isNaN(occurredAt.getTime()) ||
    occurredAt.getTime() > now + 5 * 60_000 ||
    occurredAt.getTime() < EARLIEST
  ) {
    return {
      field: at('occurredAt'),
      code: 'INVALID',
      message: 'occurredAt must be an ISO 8601 time from 2000 on, not in the future',
    };
  }
  const summary = text(event.summary, 1000);
  if (!summary) return { field: at('summary'), code: 'INVALID', message: 'summary is required (1 to 1000 characters)' };
  if (
    event.data !== undefined &&
    (typeof event.data !== 'object' ||
      event.data === null ||
      Array.isArray(event.data) ||
      JSON.stringify(event.data).includes('\\u0000'))
  ) {
    return { field: at('data'), code: 'INVALID', message: 'data must be a JSON object (without NUL characters)' };
  }
  if (event.customer !== undefined && (typeof event.customer !== 'object' || event.customer === null)) {
    return { field: at('customer'), code: 'INVALID', message: 'customer is an object with an id or identifiers' };
  }
  const rawId = event.customer?.id;
  const customerId = typeof rawId === 'string' ? rawId.toLowerCase() : rawId;
  let identifiers: Valid['identifiers'];
  if (customerId === undefined) {
    const given = event.customer?.identifiers;
    if (!Array.isArray(given) || given.length === 0 || given.length > 10) {
      return { field: at('customer'), code: 'INVALID', message: 'customer needs an id or 1 to 10 identifiers' };
    }
    identifiers = [];
    for (const [i, identifier] of given.entries()) {
      if (typeof identifier !== 'object' || identifier === null)
        return { field: at(`customer.identifiers.${i}`), code: 'INVALID', message: 'an identifier is {kind, value}' };
      const kind = identifier.kind as IdentifierKind;
      const normalized =
        Object.values(IdentifierKind).includes(kind) && typeof identifier.value === 'string'
          ? normalizeIdentifier(kind, identifier.value)
          : null;
      if (!normalized?.ok)
        return {
          field: at(`customer.identifiers.${i}`),
          code: 'INVALID',
          message: normalized && !normalized.ok ? normalized.reason : 'kind and value are required',
        };
      identifiers.push({ kind, value: normalized.value });
    }
  } else if (typeof customerId !== 'string' || !isUuid(customerId)) {
    return {
      field: at('customer.id'),
      code: 'CUSTOMER_NOT_FOUND',
      message: 'customer.id is not a customer of this tenant',
    };
  }
  return {
    index,
    id,
    customerId: customerId,
    identifiers,
    kind: event.kind as TimelineKind,
    channel: (event.channel as Channel | undefined) ?? null,
    occurredAt,
    actor: text(event.actor, 200) ?? 'unknown',
    summary,
    data: (event.data as Record<string, unknown> | undefined) ?? {},
    ref: text(event.ref, 200),
  };
}

/**
 * What a playbook matches an ingested event by (EVENT_INGESTED's `payload.eventType`): the sender's own type
 * in `data.type` (e.g. order.cancelled), else the timeline kind (e.g. BILLING).
 */
export function ingestedEventType(kind: TimelineKind, data: Record<string, unknown>): string {
  const type = typeof data.type === 'string' ? data.type.trim() : '';
  return type !== '' ? type.slice(0, 100) : kind;
}

/**
 * Stores a batch from another system: each event is checked on its own (a bad one gets its own error; the
 * good ones are stored), customers are found by id or by identifiers (never created: ingestion reports,
 * it does not enrol), and (source, event id) makes a resend store nothing twice. Each stored event raises
 * EVENT_INGESTED (cause `<source>:<event id>`) in the same transaction, for playbooks to act on.
 */
export async function ingestEvents(
  em: EntityManager,
  signals: Pick<SignalService, 'raiseAll'>,
  tenantId: string,
  source: string,
  events: IngestEvent[],
): Promise<IngestOutcome[]> {
  const now = Date.now();
  const outcomes: IngestOutcome[] = events.map((event) => ({
    id: typeof event?.id === 'string' ? event.id : null,
    status: 'DUPLICATE',
  }));
  const reject = (index: number, error: { field: string; code: string; message: string }) => {
    outcomes[index] = { id: outcomes[index].id, status: 'REJECTED', error };
  };
  const valid: Valid[] = [];
  events.forEach((event, index) => {
    const checked = validate(event ?? {}, index, now);
    if ('field' in checked) reject(index, checked);
    else valid.push(checked);
  });

  // Customers, in two statements for the whole batch: by id (within the tenant), then by identifier.
  const ids = [...new Set(valid.flatMap((event) => (event.customerId ? [event.customerId] : [])))];
  const known = new Set(
    ids.length === 0
      ? []
      : (
          await em.execute<
            {
              id: string;
            }[]
          >(`select id from customer where tenant_id = ? and id in (?)`, [tenantId, ids])
        ).map((row) => row.id),
  );
  const wanted = valid.flatMap((event) => event.identifiers ?? []);
  const owners = new Map<string, string>();
  if (wanted.length > 0) {
    const rows = await em.execute<{ kind: string; value: string; customer_id: string }[]>(
      `select kind, value, customer_id from customer_identifier where tenant_id = ? and (kind, value) in (${wanted.map(() => '(?::identifier_kind, ?)').join(', ')})`,
      [tenantId, ...wanted.flatMap((identifier) => [identifier.kind, identifier.value])],
    );
    for (const row of rows) owners.set(`${row.kind}:${row.value}`, row.customer_id);
  }
  const rows: (Valid & { customer: string })[] = [];
  for (const event of valid) {
    if (event.customerId) {
      if (known.has(event.customerId)) rows.push({ ...event, customer: event.customerId });
      else
        reject(event.index, {
          field: `events.${event.index}.customer.id`,
          code: 'CUSTOMER_NOT_FOUND',
          message: 'customer.id is not a customer of this tenant',
        });
      continue;
    }
    const matches = new Set(
      event.identifiers!.flatMap((identifier) => owners.get(`${identifier.kind}:${identifier.value}`) ?? []),
    );
    if (matches.size === 1) rows.push({ ...event, customer: [...matches][0] });
    else if (matches.size === 0)
      reject(event.index, {
        field: `events.${event.index}.customer`,
        code: 'CUSTOMER_NOT_FOUND',
        message: 'No customer holds these identifiers',
      });
    else
      reject(event.index, {
        field: `events.${event.index}.customer`,
        code: 'AMBIGUOUS_CUSTOMER',
        message: 'These identifiers belong to more than one customer',
      });
  }
  if (rows.length === 0) return outcomes;

  // One insert for the batch; a duplicate within the batch or of an earlier batch is skipped by the index.
  const stored = await em.execute<{ id: string; source_event_id: string }[]>(
    `insert into timeline_event ${TIMELINE_COLUMNS}
     values ${rows.map(() => `(uuid_generate_v7(), ?, ?, ?, ?, ?, ?, ?, date_trunc('milliseconds', ?::timestamptz), ?, ?, ?, ?, now())`).join(', ')}
     on conflict (tenant_id, source, source_event_id) do nothing
     returning id, source_event_id`,
    rows.flatMap((row) => [
      tenantId,
      row.customer,
      row.kind,
      source,
      row.id,
      row.channel,
      row.actor,
      row.occurredAt,
      row.summary,
      JSON.stringify(row.data),
      row.ref ? 'source' : null,
      row.ref,
    ]),
  );
  const storedIds = new Map(stored.map((row) => [row.source_event_id, row.id]));
  const raised: NewSignal[] = [];
  for (const row of rows) {
    const timelineEventId = storedIds.get(row.id);
    // Only the first occurrence of an id in the batch stored it; later ones are duplicates.
    if (timelineEventId) {
      outcomes[row.index] = { id: row.id, status: 'STORED', timelineEventId };
      storedIds.delete(row.id);
      raised.push({
        tenantId,
        customerId: row.customer,
        type: SignalType.EVENT_INGESTED,
        cause: `${source}:${row.id}`,
        payload: {
          eventType: ingestedEventType(row.kind, row.data),
          kind: row.kind,
          source,
          sourceEventId: row.id,
          timelineEventId,
          channel: row.channel,
        },
      });
    }
  }
  await signals.raiseAll(em, raised);
  return outcomes;
}
