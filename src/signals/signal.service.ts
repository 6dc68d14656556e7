import type { EntityManager } from '@mikro-orm/postgresql';

import type { RaisedSignal, SignalType } from './signal.types';

export type NewSignal = Omit<RaisedSignal, 'id' | 'payload'> & { readonly payload?: Record<string, unknown> };

/** A reaction that belongs to the change that raised the signal, so it runs in that transaction. */
export type SignalHandler = (tx: EntityManager, signal: RaisedSignal) => Promise<void>;

/**
 * The one way a domain says "this happened to a customer": a `customer_signal` row, unique per type and
 * cause, so the same cause never fires twice. Reactions that are part of the change (a detractor response
 * opens a case) register with `on` and run in the raiser's transaction; playbooks read the rows after
 * commit (`processed_at`), so a tenant's automation never slows or fails the change itself.
 */
export class SignalService {
  private readonly handlers = new Map<SignalType, SignalHandler[]>();

  on(type: SignalType, handler: SignalHandler): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }

  /** Records a signal in the caller's transaction; null when this type and cause were raised before. */
  async raise(tx: EntityManager, signal: NewSignal): Promise<RaisedSignal | null> {
    const payload = signal.payload ?? {};
    const [row] = await tx.execute<{ id: string }[]>(
      `insert into customer_signal (id, tenant_id, customer_id, type, cause, payload, raised_at)
       values (uuid_generate_v7(), ?, ?, ?, ?, ?, now())
       on conflict (tenant_id, type, cause) do nothing
       returning id`,
      [signal.tenantId, signal.customerId, signal.type, signal.cause, JSON.stringify(payload)],
    );
    if (!row) return null;
    const raised: RaisedSignal = { ...signal, id: row.id, payload };
    for (const handler of this.handlers.get(signal.type) ?? []) await handler(tx, raised);
    return raised;
  }

  /**
   * Records many signals in one statement (a set-based job's), in the caller's transaction, and runs the
   * handlers of those that are new. Returns the new ones; a type and cause raised before is left out.
   */
  async raiseMany(tx: EntityManager, signals: NewSignal[]): Promise<RaisedSignal[]> {
    if (signals.length === 0) return [];
    const rows = await tx.execute<
      {
        id: string;
        tenant_id: string;
        customer_id: string;
        type: SignalType;
        cause: string;
        payload: Record<string, unknown>;
      }[]
    >(
      `insert into customer_signal (id, tenant_id, customer_id, type, cause, payload, raised_at)
       select uuid_generate_v7(), s.tenant_id, s.customer_id, s.type, s.cause, coalesce(s.payload, '{}'), now()
         from jsonb_to_recordset(?::jsonb) as s(tenant_id uuid, customer_id uuid, type text, cause text, payload jsonb)
       on conflict (tenant_id, type, cause) do nothing
       returning id, tenant_id, customer_id, type, cause, payload`,
      [
        JSON.stringify(
          signals.map((signal) => ({
            tenant_id: signal.tenantId,
            customer_id: signal.customerId,
            type: signal.type,
            cause: signal.cause,
            payload: signal.payload ?? {},
          })),
        ),
      ],
    );
    const raised: RaisedSignal[] = rows.map((row) => ({
      id: row.id,
      tenantId: row.tenant_id,
      customerId: row.customer_id,
      type: row.type,
      cause: row.cause,
      payload: row.payload,
    }));
    for (const signal of raised) for (const handler of this.handlers.get(signal.type) ?? []) await handler(tx, signal);
    return raised;
  }
}
