import type { EntityManager } from '@mikro-orm/postgresql';

import { callerLabel } from '../shared/auth/caller';
import { requireCaller, requireTenant } from '../shared/auth/guards';
import type { Context } from '../shared/context';
import { claimIdempotencyKey, findIdempotentResult, IdempotencyScope } from '../shared/idempotency';
import { isUuid, requiredText } from '../shared/validation';
import { caseError, CaseErrorCode } from './case.errors';
import { CaseStatus } from './case.logic';
import { type CaseRow, findCase, toCase } from './case.store';
import { recordCaseEvent } from './case.timeline';
import type { RootCause, RootCauseAudit, RootCauseInput, RootCauseReview } from './root-cause.types';
import { configRequest } from './support-config.service';

const CODE = /^[A-Z0-9_-]{1,50}$/;
const MAX_CAUSES = 500;
/** "Recent" closed cases, when the audit names no period. */
const SAMPLE_WINDOW_DAYS = 90;

/** Whether `code` is a cause of the tenant's taxonomy that is not retired. */
export async function currentCause(em: EntityManager, tenantId: string, code: string): Promise<boolean> {
  const rows = await em.execute(
    `select 1 from support_root_cause where tenant_id = ? and code = ? and retired_at is null`,
    [tenantId, code],
  );
  return rows.length > 0;
}

interface CauseRow {
  code: string;
  label: string;
  parent_code: string | null;
  retired_at: Date | null;
}

interface AuditRow {
  case_id: string;
  original_cause: string;
  confirmed_cause: string;
  agreed: boolean;
  auditor: string;
  audited_at: Date;
}

const toReview = (row: AuditRow): RootCauseReview => ({
  caseId: row.case_id,
  originalCause: row.original_cause,
  confirmedCause: row.confirmed_cause,
  agreed: row.agreed,
  auditor: row.auditor,
  auditedAt: new Date(row.audited_at),
});

/** The tenant's root-cause taxonomy, and the audit of how well cases are classified. */
export class RootCauseService {
  async causes(ctx: Context, includeRetired: boolean): Promise<RootCause[]> {
    const rows = await ctx.em.execute<CauseRow[]>(
      `select code, label, parent_code, retired_at from support_root_cause
        where tenant_id = ? and (?::boolean or retired_at is null) order by code`,
      [requireTenant(ctx), includeRetired],
    );
    return rows.map((row) => ({
      code: row.code,
      label: row.label,
      parentCode: row.parent_code ?? undefined,
      retiredAt: row.retired_at ? new Date(row.retired_at) : undefined,
    }));
  }

  /**
   * Makes the list the current taxonomy: listed causes are added or updated (and come back if retired),
   * others are retired, never deleted, since closed cases and reviews name them.
   */
  async setTaxonomy(ctx: Context, causes: RootCauseInput[], idempotencyKey: string): Promise<RootCause[]> {
    const tenantId = requireTenant(ctx);
    const request = configRequest(
      ctx,
      IdempotencyScope.ROOT_CAUSE,
      idempotencyKey,
      'idempotencyKey',
      'setRootCauseTaxonomy',
      {
        causes,
      },
    );
    // A replay answers with the taxonomy as it is now.
    if (await findIdempotentResult(ctx.em, request)) return this.causes(ctx, false);
    if (causes.length > MAX_CAUSES)
      throw caseError(CaseErrorCode.ROOT_CAUSE_INVALID, `At most ${MAX_CAUSES} causes`, 'causes');
    const clean = causes.map((cause, index) => {
      const code = requiredText(cause.code, `causes.${index}.code`, 50).toUpperCase();
      if (!CODE.test(code))
        throw caseError(
          CaseErrorCode.ROOT_CAUSE_INVALID,
          'A code takes letters, digits, - and _',
          `causes.${index}.code`,
        );
      const parent = cause.parentCode
        ? requiredText(cause.parentCode, `causes.${index}.parentCode`, 50).toUpperCase()
        : null;
      return { code, label: requiredText(cause.label, `causes.${index}.label`), parent };
    });
    const parentOf = new Map(clean.map((cause) => [cause.code, cause.parent]));
    clean.forEach((cause, index) => {
      if (clean.findIndex((other) => other.code === cause.code) !== index)
        throw caseError(CaseErrorCode.ROOT_CAUSE_INVALID, `${cause.code} is listed twice`, `causes.${index}.code`);
      if (cause.parent && !parentOf.has(cause.parent))
        throw caseError(
          CaseErrorCode.ROOT_CAUSE_INVALID,
          `${cause.parent} is not in the list`,
          `causes.${index}.parentCode`,
        );
      // Following parents from any cause must end, or the tree is a loop.
      const seen = new Set<string>();
      for (let at: string | null | undefined = cause.code; at; at = parentOf.get(at)) {
        if (seen.has(at))
          throw caseError(
            CaseErrorCode.ROOT_CAUSE_INVALID,
            `${cause.code}'s parents form a loop`,
            `causes.${index}.parentCode`,
          );
        seen.add(at);
      }
    });
    await ctx.em.transactional(async (tx) => {
      if ((await claimIdempotencyKey(tx, request)).replayed) return;
      await tx.execute(`select code from support_root_cause where tenant_id = ? for update`, [tenantId]);
      // Every listed cause exists before parents are set: the foreign key checks each row as it is written.
      await tx.execute(
        `insert into support_root_cause (tenant_id, code, label, parent_code, retired_at, created_at)
         select ?, c.code, c.label, null, null, now() from jsonb_to_recordset(?::jsonb) as c(code text, label text)
         on conflict (tenant_id, code) do update set label = excluded.label, retired_at = null`,
        [tenantId, JSON.stringify(clean.map(({ code, label }) => ({ code, label })))],
      );
      await tx.execute(
        `update support_root_cause r set parent_code = c.parent
           from jsonb_to_recordset(?::jsonb) as c(code text, parent text)
          where r.tenant_id = ? and r.code = c.code`,
        [JSON.stringify(clean.map(({ code, parent }) => ({ code, parent }))), tenantId],
      );
      await tx.execute(
        `update support_root_cause set retired_at = now()
          where tenant_id = ? and retired_at is null and code <> all(?::text[])`,
        [tenantId, `{${clean.map((cause) => `"${cause.code}"`).join(',')}}`],
      );
    });
    return this.causes(ctx, false);
  }

  /**
   * A random sample of closed, not yet reviewed cases for a supervisor: `order by random()` over the
   * tenant's cases closed in the period (by default the last 90 days), which the closed-case index bounds.
   * The agreement rate counts the reviews of cases closed in the period, or every review without one.
   */
  async audit(ctx: Context, sampleSize: number, since?: Date, until?: Date): Promise<RootCauseAudit> {
    const tenantId = requireTenant(ctx);
    if (!Number.isInteger(sampleSize) || sampleSize < 1 || sampleSize > 100)
      throw caseError(CaseErrorCode.CASE_INVALID, 'sampleSize must be 1 to 100', 'sampleSize');
    const sample = await ctx.em.execute<CaseRow[]>(
      `select c.* from support_case c
        where c.tenant_id = ? and c.status = 'CLOSED' and c.root_cause is not null
          and c.closed_at >= coalesce(?::timestamptz, now() - make_interval(days => ?))
          and (?::timestamptz is null or c.closed_at < ?::timestamptz)
          and not exists (select 1 from root_cause_audit a where a.case_id = c.id)
        order by random() limit ?`,
      [tenantId, since ?? null, SAMPLE_WINDOW_DAYS, until ?? null, until ?? null, sampleSize],
    );
    const [totals] = await ctx.em.execute<{ reviewed: number; agreed: number }[]>(
      `select count(*)::int as reviewed, count(*) filter (where a.agreed)::int as agreed
         from root_cause_audit a join support_case c on c.id = a.case_id
        where a.tenant_id = ? and (?::timestamptz is null or c.closed_at >= ?::timestamptz)
          and (?::timestamptz is null or c.closed_at < ?::timestamptz)`,
      [tenantId, since ?? null, since ?? null, until ?? null, until ?? null],
    );
    return {
      sample: sample.map(toCase),
      reviewed: totals.reviewed,
      agreed: totals.agreed,
      agreementRate: totals.reviewed > 0 ? totals.agreed / totals.reviewed : undefined,
    };
  }

  /**
   * Records a supervisor's review of a closed case: agreement, or a correction (the case takes the corrected
   * cause). One review per case: the same answer again returns it; another is ALREADY_AUDITED.
   */
  async confirm(
    ctx: Context,
    caseId: string,
    idempotencyKey: string,
    correctRootCause?: string | null,
  ): Promise<RootCauseReview> {
    const tenantId = requireTenant(ctx);
    const auditor = callerLabel(requireCaller(ctx));
    const request = configRequest(
      ctx,
      IdempotencyScope.ROOT_CAUSE,
      idempotencyKey,
      'idempotencyKey',
      'confirmRootCause',
      {
        caseId,
        correctRootCause,
      },
    );
    const replay = await findIdempotentResult(ctx.em, request);
    if (replay) return this.review(ctx.em, replay);
    if (!isUuid(caseId)) throw caseError(CaseErrorCode.CASE_NOT_FOUND, `No case ${caseId}`, 'caseId');
    const corrected = correctRootCause ? requiredText(correctRootCause, 'correctRootCause', 50).toUpperCase() : null;
    return ctx.em.transactional(async (tx) => {
      const claim = await claimIdempotencyKey(tx, request, caseId);
      if (claim.replayed) return this.review(tx, claim.resultId);
      const row = await findCase(tx, tenantId, caseId, true);
      if (!row) throw caseError(CaseErrorCode.CASE_NOT_FOUND, `No case ${caseId}`, 'caseId');
      if (row.status !== CaseStatus.CLOSED || !row.root_cause)
        throw caseError(CaseErrorCode.CASE_TRANSITION_INVALID, 'Only a closed case is reviewed', 'caseId');
      const [before] = await tx.execute<AuditRow[]>(`select * from root_cause_audit where case_id = ?`, [caseId]);
      if (before) {
        if (before.confirmed_cause === (corrected ?? before.original_cause)) return toReview(before);
        throw caseError(CaseErrorCode.ALREADY_AUDITED, `Case ${caseId} was reviewed already`, 'caseId');
      }
      const confirmed = corrected ?? row.root_cause;
      if (confirmed !== row.root_cause && !(await currentCause(tx, tenantId, confirmed)))
        throw caseError(
          CaseErrorCode.ROOT_CAUSE_UNKNOWN,
          `${confirmed} is not a current root cause`,
          'correctRootCause',
        );
      const agreed = confirmed === row.root_cause;
      const [audit] = await tx.execute<AuditRow[]>(
        `insert into root_cause_audit (case_id, tenant_id, original_cause, confirmed_cause, agreed, auditor, audited_at)
         values (?, ?, ?, ?, ?, ?, now()) returning *`,
        [caseId, tenantId, row.root_cause, confirmed, agreed, auditor],
      );
      let current = row;
      if (!agreed) {
        [current] = await tx.execute<CaseRow[]>(
          `update support_case set root_cause = ?, version = version + 1 where id = ? returning *`,
          [confirmed, caseId],
        );
      }
      await recordCaseEvent(
        tx,
        current,
        auditor,
        'ROOT_CAUSE_REVIEWED',
        agreed ? `Root cause confirmed: ${confirmed}` : `Root cause corrected: ${row.root_cause} to ${confirmed}`,
        { originalCause: row.root_cause, confirmedCause: confirmed, agreed },
      );
      return toReview(audit);
    });
  }

  /** The review a keyed confirmRootCause recorded for the case. */
  private async review(em: EntityManager, caseId: string): Promise<RootCauseReview> {
    const [row] = await em.execute<AuditRow[]>(`select * from root_cause_audit where case_id = ?`, [caseId]);
    return toReview(row);
  }
}
