import DataLoader from 'dataloader';

import { type Context, madeLoaders } from '../shared/context';
import type { Reads } from '../shared/db/read-batch';
import type { Account } from './ledger.entity';
import { toTransactionView } from './ledger.mapping';
import type { TransactionRow } from './ledger.model';
import type { Balance, EntryView, TransactionView } from './ledger.types';

/** As JSON gives it (the batched reads) or as `to_jsonb` does (read with the customer). */
interface BalanceRow {
  customer_id: string;
  available: number;
  pending: number;
  lifetime_earned: number;
  lifetime_redeemed: number;
  expired: number;
  version: number;
}

/** A customer's balance from its `points_balance` row; no row yet is a zero balance. */
function toBalance(customerId: string, row: BalanceRow | null | undefined): Balance {
  return {
    customerId,
    available: Number(row?.available ?? 0),
    pending: Number(row?.pending ?? 0),
    lifetimeEarned: Number(row?.lifetime_earned ?? 0),
    lifetimeRedeemed: Number(row?.lifetime_redeemed ?? 0),
    expired: Number(row?.expired ?? 0),
    version: row?.version ?? 0,
  };
}

/**
 * The balance read in the statement that loads a customer (`c`), so `customer { balance }` is one round trip:
 * `join` and `row` go into that statement, and `prime` hands each row to the request's balance loader. Only
 * what a request has not loaded yet is primed; a write that changes a balance clears the loader, as before.
 */
export const BALANCE_WITH_CUSTOMER = {
  join: 'left join points_balance as b on b.customer_id = c.id',
  row: 'to_jsonb(b)',
  prime(loaders: ReturnType<typeof createLedgerLoaders>, customerId: string, row: unknown): void {
    loaders.balanceByCustomerId.prime(customerId, toBalance(customerId, row as BalanceRow | null));
  },
};

/**
 * Balances and entries by key, one statement per batch. Callers pass ids already checked against the
 * caller's tenant (the customer or transaction was loaded through a tenant-scoped query first).
 */
export function createLedgerLoaders(reads: Reads) {
  return {
    balanceByCustomerId: new DataLoader<string, Balance>(async (ids) => {
      const rows = await reads.rows<BalanceRow>(`select * from points_balance where customer_id in (?)`, [[...ids]]);
      const byId = new Map(rows.map((row) => [row.customer_id, row]));
      return ids.map((id) => toBalance(id, byId.get(id)));
    }),
    transactionById: new DataLoader<string, TransactionView | null>(async (ids) => {
      const rows = await reads.rows<TransactionRow>(`select * from ledger_transaction where id in (?)`, [[...ids]]);
      const byId = new Map(rows.map((row) => [row.id, toTransactionView(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    entriesByTransactionId: new DataLoader<string, EntryView[]>(async (ids) => {
      const rows = await reads.rows<{
        transaction_id: string;
        account: Account;
        customer_id: string | null;
        amount: number;
      }>(
        `select transaction_id, account, customer_id, amount from ledger_entry where transaction_id in (?) order by id`,
        [[...ids]],
      );
      const byId = new Map<string, EntryView[]>();
      for (const row of rows) {
        const list = byId.get(row.transaction_id) ?? [];
        list.push({ account: row.account, customerId: row.customer_id ?? undefined, amount: Number(row.amount) });
        byId.set(row.transaction_id, list);
      }
      return ids.map((id) => byId.get(id) ?? []);
    }),
  };
}

declare module '../shared/context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds this domain's loaders
  interface Loaders extends ReturnType<typeof createLedgerLoaders> {}
}

/**
 * After a booking: balances the request loaded before it (loading a customer loads its balance too) are read
 * again by a later field of the same request.
 */
export function forgetBalances(ctx: Context): void {
  madeLoaders(ctx)?.balanceByCustomerId.clearAll();
}
