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
    const [raised] = await this.raiseAll(tx, [signal]);
    return raised ?? null;
  }

  /**
   * Records several signals in one statement (an ingested batch), in the caller's transaction, and runs the
   * handlers of each new one; those raised before (or twice in the list) are left out of the answer.
   */
  async raiseAll(tx: EntityManager, signals: readonly NewSignal[]): Promise<RaisedSignal[]> {
    if (signals.length === 0) return [];
    const rows = await tx.execute<{ id: string; tenant_id: string; type: string; cause: string }[]>(
      `insert into customer_signal (id, tenant_id, customer_id, type, cause, payload, raised_at)
       select uuid_generate_v7(), s.tenant_id, s.customer_id, s.type, s.cause, s.payload, now()
         from jsonb_to_recordset(?::jsonb) as s(tenant_id uuid, customer_id uuid, type text, cause text, payload jsonb)
       on conflict (tenant_id, type, cause) do nothing
       returning id, tenant_id, type, cause`,
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
    const keyOf = (tenantId: string, type: string, cause: string) => JSON.stringify([tenantId, type, cause]);
    const ids = new Map(rows.map((row) => [keyOf(row.tenant_id, row.type, row.cause), row.id]));
    const raised: RaisedSignal[] = [];
    for (const signal of signals) {
      const key = keyOf(signal.tenantId, signal.type, signal.cause);
      const id = ids.get(key);
      if (!id) continue;
      ids.delete(key);
      const one: RaisedSignal = { ...signal, id, payload: signal.payload ?? {} };
      for (const handler of this.handlers.get(signal.type) ?? []) await handler(tx, one);
      raised.push(one);
    }
    return raised;
  }
}
