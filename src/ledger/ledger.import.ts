import { createHash, randomUUID } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'csv-parse/sync';

import { normalizeEmail } from '../customers/contact';
import { Account, PointsOrigin, TransactionKind } from './ledger.entity';
import {
  createLot,
  credit,
  debitOrNull,
  entries,
  insertHeader,
  recordBalanceAfter,
  recordConsumption,
} from './ledger.store';

/** One legacy balance, validated. */
export interface ImportRow {
  line: number;
  externalId: string;
  email: string | undefined;
  points: number;
  expiresAt: Date | null;
  tier: string | undefined;
}

export interface RowError {
  line: number;
  reason: string;
}

export interface Reconciliation {
  importId: string;
  alreadyImported: boolean;
  rowsRead: number;
  pointsRead: number;
  pointsBooked: number;
  customersCreated: number;
  differences: number;
}

const COLUMNS = ['external_customer_id', 'email', 'points', 'expiry_date', 'tier'];

/**
 * Parses and validates a whole file before anything is written. Columns (header row required):
 * external_customer_id, email, points, expiry_date (ISO date, empty for none), tier (stored on the customer as
 * `importedTier` for status matching; the tier engine does not exist yet). Line numbers count the header as line 1.
 */
export function parseImportFile(content: string, now: Date): { rows: ImportRow[]; errors: RowError[] } {
  let records: string[][];
  try {
    records = parse(content, { skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (error) {
    return {
      rows: [],
      errors: [{ line: Number((error as { lines?: number }).lines ?? 0), reason: (error as Error).message }],
    };
  }
  const header = records[0]?.map((h) => h.toLowerCase());
  if (!header || COLUMNS.some((column, i) => header[i] !== column)) {
    return { rows: [], errors: [{ line: 1, reason: `the header must be: ${COLUMNS.join(',')}` }] };
  }
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((record, index) => {
    const line = index + 2;
    const [externalId = '', rawEmail = '', rawPoints = '', rawExpiry = '', tier = ''] = record;
    const fail = (reason: string) => errors.push({ line, reason });
    if (!externalId) return fail('external_customer_id is empty');
    if (seen.has(externalId)) return fail(`external_customer_id ${externalId} is also on line ${seen.get(externalId)}`);
    seen.set(externalId, line);
    let email: string | undefined;
    if (rawEmail) {
      const normalized = normalizeEmail(rawEmail);
      if (!normalized.ok) return fail(normalized.reason);
      email = normalized.value;
    }
    if (!/^\d+$/.test(rawPoints) || Number(rawPoints) > 1_000_000_000)
      return fail(`points "${rawPoints}" is not a whole number from 0 to 1000000000`);
    let expiresAt: Date | null = null;
    if (rawExpiry) {
      expiresAt = new Date(rawExpiry);
      if (!/^\d{4}-\d{2}-\d{2}/.test(rawExpiry) || Number.isNaN(expiresAt.getTime()))
        return fail(`expiry_date "${rawExpiry}" is not an ISO date`);
      if (expiresAt <= now) return fail(`expiry_date ${rawExpiry} has already passed`);
    }
    rows.push({ line, externalId, email, points: Number(rawPoints), expiresAt, tier: tier || undefined });
  });
  return { rows, errors };
}

export function fileHash(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Imports a validated file in one transaction: all rows or none. Re-running the same file (same hash)
 * books nothing and reports the first run. Customers are matched by external id, then by email, else created.
 */
export async function importBalances(
  em: EntityManager,
  ledger: ImportBookings,
  tenantId: string,
  rows: ImportRow[],
  file: { name: string; hash: string },
): Promise<Reconciliation> {
  const pointsRead = rows.reduce((sum, row) => sum + row.points, 0);
  return em.transactional(async (tx) => {
    const inserted = await tx.execute<{ id: string }[]>(
      `insert into points_import (id, tenant_id, file_name, file_hash, rows_read, points_read, created_at)
       values (?, ?, ?, ?, ?, ?, now()) on conflict (tenant_id, file_hash) do nothing returning id`,
      [randomUUID(), tenantId, file.name, file.hash, rows.length, pointsRead],
    );
    if (inserted.length === 0) {
      const [earlier] = await tx.execute<{ id: string }[]>(
        `select id from points_import where tenant_id = ? and file_hash = ?`,
        [tenantId, file.hash],
      );
      return { ...(await reconcile(tx, earlier.id)), alreadyImported: true };
    }
    const importId = inserted[0].id;
    for (const row of rows) {
      const customerId = await matchOrCreateCustomer(tx, tenantId, row, importId);
      if (row.points > 0)
        await ledger.bookImport(
          tx,
          tenantId,
          customerId,
          row.points,
          row.expiresAt,
          importId,
          `import line ${row.line}`,
        );
    }
    return { ...(await reconcile(tx, importId)), alreadyImported: false };
  });
}

async function matchOrCreateCustomer(
  tx: EntityManager,
  tenantId: string,
  row: ImportRow,
  importId: string,
): Promise<string> {
  const tier = row.tier ?? null;
  const [byExternal] = await tx.execute<{ id: string }[]>(
    // A profile merged since answers with its survivor, which holds its points now.
    `update customer set imported_tier = coalesce(?, imported_tier) where tenant_id = ? and external_id = ? returning coalesce(merged_into_id, id) as id`,
    [tier, tenantId, row.externalId],
  );
  if (byExternal) return byExternal.id;
  if (row.email) {
    const [byEmail] = await tx.execute<{ id: string }[]>(
      `update customer set external_id = ?, imported_tier = coalesce(?, imported_tier), updated_at = now()
        where tenant_id = ? and email = ? and external_id is null returning id`,
      [row.externalId, tier, tenantId, row.email],
    );
    if (byEmail) return byEmail.id;
  }
  // The customer and its email identifier in one statement: resolution and ingestion find it like any other.
  const [created] = await tx.execute<{ id: string }[]>(
    `with created as (
       insert into customer (id, tenant_id, email, external_id, imported_tier, created_by_import_id, version, created_at, updated_at)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, 1, now(), now()) returning id, tenant_id, email
     ), identifier as (
       insert into customer_identifier (id, tenant_id, customer_id, kind, value, source, created_at)
       select gen_random_uuid(), tenant_id, id, 'EMAIL', email, 'import', now() from created where email is not null
     )
     select id from created`,
    [tenantId, row.email ?? null, row.externalId, tier, importId],
  );
  return created.id;
}

/** What the import booked, from the ledger itself: the numbers an accountant compares with the file. */
export async function reconcile(em: EntityManager, importId: string): Promise<Omit<Reconciliation, 'alreadyImported'>> {
  const [row] = await em.execute<
    { rows_read: number; points_read: string; points_booked: string; customers_created: number }[]
  >(
    `select i.rows_read, i.points_read,
            coalesce((select sum(e.amount) from ledger_transaction t join ledger_entry e on e.transaction_id = t.id
                       where t.import_id = i.id and t.kind = 'IMPORT' and e.account = 'CUSTOMER_AVAILABLE'), 0)::bigint as points_booked,
            (select count(*) from customer c where c.created_by_import_id = i.id)::int as customers_created
       from points_import i where i.id = ?`,
    [importId],
  );
  const pointsRead = Number(row.points_read);
  const pointsBooked = Number(row.points_booked);
  return {
    importId,
    rowsRead: row.rows_read,
    pointsRead,
    pointsBooked,
    customersCreated: row.customers_created,
    differences: pointsRead - pointsBooked,
  };
}

/** The ledger side of a balance import: its bookings from the program's migration account, and their undoing. */
export class ImportBookings {
  /**
   * A legacy balance brought over by a migration (scripts/import-balances): the points come from the
   * program's migration account. Runs in the importer's transaction; the file, not a key, is idempotent.
   */
  async bookImport(
    tx: EntityManager,
    tenantId: string,
    customerId: string,
    amount: number,
    expiresAt: Date | null,
    importId: string,
    reason: string,
  ): Promise<void> {
    const [row] = await insertHeader(
      tx,
      tenantId,
      { kind: TransactionKind.IMPORT, customerId, points: amount, reason, importId },
      { actor: 'job:import-balances' },
    );
    const balance = await credit(tx, tenantId, customerId, { available: amount });
    await createLot(tx, tenantId, customerId, row.id, amount, null, expiresAt, PointsOrigin.MIGRATION);
    await entries(tx, tenantId, row.id, [
      [Account.CUSTOMER_AVAILABLE, customerId, amount],
      [Account.PROGRAM_MIGRATION, null, -amount],
    ]);
    await recordBalanceAfter(tx, row.id, balance);
  }

  /**
   * Undoes an import with one reversal per imported balance, all or none: a lot that has been spent from
   * (even in part) makes the whole rollback fail, naming the customers, with nothing applied.
   */
  async rollbackImport(
    em: EntityManager,
    tenantId: string,
    importId: string,
  ): Promise<{ reversed: number; points: number }> {
    return em.transactional(async (tx) => {
      const [found] = await tx.execute<
        {
          rolled_back_at: Date | null;
        }[]
      >(`select rolled_back_at from points_import where id = ? and tenant_id = ? for update`, [importId, tenantId]);
      if (!found) throw new Error(`no import ${importId} in tenant ${tenantId}`);
      if (found.rolled_back_at)
        throw new Error(
          `import ${importId} was already rolled back at ${new Date(found.rolled_back_at).toISOString()}`,
        );
      const imported = await tx.execute<{ id: string; customer_id: string; points: string; lot_id: string }[]>(
        `select t.id, t.customer_id, t.points, l.id as lot_id from ledger_transaction t join points_lot l on l.transaction_id = t.id
          where t.import_id = ? and t.kind = 'IMPORT' order by t.customer_id`,
        [importId],
      );
      const spent: string[] = [];
      let points = 0;
      for (const row of imported) {
        const amount = Number(row.points);
        const [header] = await insertHeader(
          tx,
          tenantId,
          {
            kind: TransactionKind.REVERSAL,
            customerId: row.customer_id,
            points: amount,
            reason: `rollback of import ${importId}`,
            reversesId: row.id,
            importId,
          },
          { actor: 'job:import-balances' },
        );
        const balance = await debitOrNull(tx, row.customer_id, { available: amount });
        const untouched = await tx.execute(
          `update points_lot set remaining = 0 where id = ? and remaining = points returning id`,
          [row.lot_id],
        );
        if (!balance || untouched.length === 0) {
          spent.push(row.customer_id);
          continue;
        }
        await recordConsumption(tx, header.id, row.lot_id, amount);
        await entries(tx, tenantId, header.id, [
          [Account.CUSTOMER_AVAILABLE, row.customer_id, -amount],
          [Account.PROGRAM_MIGRATION, null, amount],
        ]);
        await recordBalanceAfter(tx, header.id, balance);
        points += amount;
      }
      if (spent.length > 0) {
        throw new Error(
          `${spent.length} imported balances have been spent from, so nothing was rolled back; customers: ${spent.slice(0, 10).join(', ')}${spent.length > 10 ? ', ...' : ''}`,
        );
      }
      await tx.execute(`update points_import set rolled_back_at = now() where id = ?`, [importId]);
      return { reversed: imported.length, points };
    });
  }
}
