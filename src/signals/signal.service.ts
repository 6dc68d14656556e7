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
}
