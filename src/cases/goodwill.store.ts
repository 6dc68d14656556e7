import type { EntityManager } from '@mikro-orm/postgresql';

import type { StaffRole } from '../shared/auth/roles';
import type { KeysetCursor } from '../shared/graphql/connection';
import { type GoodwillGrant, GoodwillKind, type GoodwillStatus } from './goodwill.types';

export interface GoodwillRow {
  id: string;
  tenant_id: string;
  customer_id: string;
  case_id: string | null;
  kind: GoodwillKind;
  points: string | null;
  tier_id: string | null;
  until: Date | null;
  reason: string;
  status: GoodwillStatus;
  request_key: string;
  requested_by: string;
  requested_role: StaffRole;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  ledger_transaction_id: string | null;
  tier_change_id: string | null;
}

export function toGoodwill(row: GoodwillRow, replayed: boolean): GoodwillGrant {
  return {
    id: row.id,
    customerId: row.customer_id,
    caseId: row.case_id ?? undefined,
    kind: row.kind,
    points: row.points === null ? undefined : Number(row.points),
    tierId: row.tier_id ?? undefined,
    until: row.until ? new Date(row.until) : undefined,
    reason: row.reason,
    status: row.status,
    requestedBy: row.requested_by,
    requestedRole: row.requested_role,
    requestedAt: new Date(row.requested_at),
    decidedBy: row.decided_by ?? undefined,
    decidedAt: row.decided_at ? new Date(row.decided_at) : undefined,
    decisionNote: row.decision_note ?? undefined,
    ledgerTransactionId: row.ledger_transaction_id ?? undefined,
    tierChangeId: row.tier_change_id ?? undefined,
    replayed,
  };
}

/** What a grant gives, for a summary line. */
export function describe(row: Pick<GoodwillRow, 'kind' | 'points' | 'until'>, tierCode: string): string {
  return row.kind === GoodwillKind.POINTS
    ? `${Number(row.points)} points`
    : `${tierCode} status until ${new Date(row.until!).toISOString().slice(0, 10)}`;
}

export async function grantByKey(em: EntityManager, tenantId: string, requestKey: string): Promise<GoodwillRow | null> {
  const [row] = await em.execute<GoodwillRow[]>(
    `select * from goodwill_grant where tenant_id = ? and request_key = ?`,
    [tenantId, requestKey],
  );
  return row ?? null;
}

export async function grantById(
  em: EntityManager,
  tenantId: string,
  id: string,
  lock = false,
): Promise<GoodwillRow | null> {
  const [row] = await em.execute<GoodwillRow[]>(
    `select * from goodwill_grant where tenant_id = ? and id = ?${lock ? ' for update' : ''}`,
    [tenantId, id],
  );
  return row ?? null;
}

export async function insertGrant(
  tx: EntityManager,
  g: Omit<
    GoodwillRow,
    | 'id'
    | 'requested_at'
    | 'decided_by'
    | 'decided_at'
    | 'decision_note'
    | 'ledger_transaction_id'
    | 'tier_change_id'
    | 'points'
  > & {
    points: number | null;
  },
): Promise<GoodwillRow | null> {
  const [row] = await tx.execute<GoodwillRow[]>(
    `insert into goodwill_grant (id, tenant_id, customer_id, case_id, kind, points, tier_id, until, reason, status,
       request_key, requested_by, requested_role, requested_at)
     values (uuid_generate_v7(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, date_trunc('milliseconds', now()))
     on conflict (tenant_id, request_key) do nothing returning *`,
    [
      g.tenant_id,
      g.customer_id,
      g.case_id,
      g.kind,
      g.points,
      g.tier_id,
      g.until,
      g.reason,
      g.status,
      g.request_key,
      g.requested_by,
      g.requested_role,
    ],
  );
  return row ?? null;
}

/** Pending grants, oldest first, by (requested_at, id). */
export async function pendingPage(
  em: EntityManager,
  tenantId: string,
  limit: number,
  after?: KeysetCursor,
): Promise<GoodwillRow[]> {
  return em.execute<GoodwillRow[]>(
    `select * from goodwill_grant where tenant_id = ? and status = 'PENDING_APPROVAL'
        and (?::timestamptz is null or (requested_at, id) > (?::timestamptz, ?::uuid))
      order by requested_at, id limit ?`,
    [tenantId, after?.at ?? null, after?.at ?? null, after?.id ?? null, limit],
  );
}
