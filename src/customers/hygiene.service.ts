import type { EntityManager } from '@mikro-orm/postgresql';

import { requireTenant } from '../shared/auth/guards';
import type { Context } from '../shared/context';
import { bind } from '../shared/db/sql';
import { normalizeEmail, normalizePhone } from './contact';
import type { CustomerRecord } from './customer.entity';
import { customerError, CustomerErrorCode } from './customer.errors';
import {
  type DataQualityCheck,
  type DataQualityExample,
  DataQualityIssue,
  type DataQualityReport,
  type DuplicateCandidate,
  type DuplicateReason,
} from './hygiene.types';
import { type IdentifierKind, normalizeIdentifier } from './identifier.logic';

/** The mailbox an address delivers to: "+tags" dropped everywhere, dots dropped where Gmail ignores them. */
const CANONICAL_EMAIL = (v: string) => `case when split_part(${v}, '@', 2) in ('gmail.com', 'googlemail.com')
  then replace(split_part(split_part(${v}, '@', 1), '+', 1), '.', '') || '@gmail.com'
  else split_part(split_part(${v}, '@', 1), '+', 1) || '@' || split_part(${v}, '@', 2) end`;

/** Live people of the tenant: pools and merged profiles are never duplicates of anyone. */
const PEOPLE = `select id, display_name, address_line, postal_code from customer where tenant_id = :tenant and kind = 'PERSON' and merged_into_id is null`;

/**
 * Every pair with a reason, in one statement: canonical emails joined by hash, phone numbers by their last
 * nine digits, and names compared (pg_trgm) only within a postal code, so the work grows with the pairs
 * at one address rather than with the square of the tenant.
 */
const DUPLICATE_PAIRS = `
  with people as (${PEOPLE}),
  emails as (
    select i.customer_id, i.value, ${CANONICAL_EMAIL('i.value')} as canonical
      from customer_identifier i join people p on p.id = i.customer_id where i.tenant_id = :tenant and i.kind = 'EMAIL'),
  phones as (
    select i.customer_id, i.value from customer_identifier i join people p on p.id = i.customer_id
     where i.tenant_id = :tenant and i.kind = 'PHONE'),
  pairs as (
    select a.customer_id as a, b.customer_id as b, 'SAME_EMAIL' as kind, a.value || ' and ' || b.value as detail, 90 as weight
      from emails a join emails b on a.canonical = b.canonical and a.customer_id < b.customer_id
    union all
    select a.customer_id, b.customer_id, 'SAME_PHONE_NUMBER', a.value || ' and ' || b.value, 60
      from phones a join phones b on right(a.value, 9) = right(b.value, 9) and a.customer_id < b.customer_id
    union all
    select a.id, b.id, 'SIMILAR_NAME_SAME_ADDRESS',
           format('%s and %s at %s, %s', a.display_name, b.display_name, a.address_line, a.postal_code),
           (40 + 50 * similarity(lower(a.display_name), lower(b.display_name)))::int
      from people a join people b on a.postal_code = b.postal_code and a.id < b.id
     where a.display_name is not null and b.display_name is not null and a.address_line is not null and b.address_line is not null
       and similarity(lower(a.address_line), lower(b.address_line)) >= 0.5
       and similarity(lower(a.display_name), lower(b.display_name)) >= 0.4)
  select a, b, json_agg(json_build_object('kind', kind, 'detail', detail, 'weight', weight) order by weight desc) as reasons
    from pairs group by a, b`;

/** Independent pieces of evidence: the chance none of them is right shrinks with each. */
export function duplicateScore(reasons: readonly Pick<DuplicateReason, 'weight'>[]): number {
  const allWrong = reasons.reduce(
    (product, reason) => product * (1 - Math.min(100, Math.max(0, reason.weight)) / 100),
    1,
  );
  return Math.round(100 * (1 - allWrong));
}

const DESCRIPTIONS: Record<DataQualityIssue, string> = {
  NO_CONTACT: 'Known customers (not anonymous app profiles) with neither an email nor a phone: nobody can reach them.',
  MISSING_NAME: 'Known customers without a display name: agents and receipts cannot greet them.',
  INVALID_EMAIL: 'Profile emails that fail validation (or are not in their normal form), typically from old imports.',
  INVALID_PHONE: 'Profile phones that are not valid international numbers in E.164.',
  INVALID_IDENTIFIER: 'Identifiers (cards, CRM ids, emails, phones...) that fail the rules of their kind.',
  INACTIVE: 'Profiles with no activity (purchase, points, interaction, case...) for the given number of months.',
};

const SCAN_BATCH = 5000;

/**
 * Every row of a tenant's keyset scan (`sql` takes tenant, last id and limit, ordered by id), SCAN_BATCH at
 * a time: values are checked in JS by the same rules as new input, and a large tenant never sits in memory.
 */
async function scanById<T extends { id: string }>(
  em: EntityManager,
  sql: string,
  tenantId: string,
  each: (row: T) => void,
): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await em.execute<T[]>(sql, [tenantId, after, SCAN_BATCH]);
    rows.forEach(each);
    if (rows.length < SCAN_BATCH) return;
    after = rows[rows.length - 1].id;
  }
}

/** CRM hygiene: probable duplicates to review and merge, and a data-quality report. */
export class HygieneService {
  async duplicateCandidates(ctx: Context, args: { first: number; minScore: number }): Promise<DuplicateCandidate[]> {
    const tenantId = requireTenant(ctx);
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > 500) {
      throw customerError(CustomerErrorCode.REPORT_INVALID, 'first must be from 1 to 500', 'first');
    }
    if (!Number.isInteger(args.minScore) || args.minScore < 0 || args.minScore > 100) {
      throw customerError(CustomerErrorCode.REPORT_INVALID, 'minScore must be from 0 to 100', 'minScore');
    }
    const rows = await ctx.em.execute<
      {
        a: string;
        b: string;
        reasons: DuplicateReason[];
      }[]
    >(...bind(DUPLICATE_PAIRS, { tenant: tenantId }));
    const scored = rows
      .map((row) => ({ ...row, score: duplicateScore(row.reasons) }))
      .filter((row) => row.score >= args.minScore)
      .sort((x, y) => y.score - x.score || x.a.localeCompare(y.a) || x.b.localeCompare(y.b))
      .slice(0, args.first);
    const customers = await ctx.loaders.customerById.loadMany(scored.flatMap((row) => [row.a, row.b]));
    const byId = new Map(
      customers
        .filter((found): found is CustomerRecord => !!found && !(found instanceof Error))
        .map((found) => [found.id, found]),
    );
    return scored.map((row) => ({
      customers: [byId.get(row.a)!, byId.get(row.b)!].sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime()),
      score: row.score,
      reasons: row.reasons,
    }));
  }

  async dataQualityReport(
    ctx: Context,
    args: { inactiveMonths: number; examples: number },
  ): Promise<DataQualityReport> {
    const tenantId = requireTenant(ctx);
    if (!Number.isInteger(args.inactiveMonths) || args.inactiveMonths < 1 || args.inactiveMonths > 120) {
      throw customerError(CustomerErrorCode.REPORT_INVALID, 'inactiveMonths must be from 1 to 120', 'inactiveMonths');
    }
    if (!Number.isInteger(args.examples) || args.examples < 0 || args.examples > 50) {
      throw customerError(CustomerErrorCode.REPORT_INVALID, 'examples must be from 0 to 50', 'examples');
    }
    const em = ctx.em;
    const [{ customers }] = await em.execute<
      {
        customers: number;
      }[]
    >(
      `select count(*)::int as customers from customer where tenant_id = ? and kind = 'PERSON' and merged_into_id is null`,
      [tenantId],
    );
    const live = `c.tenant_id = ? and c.kind = 'PERSON' and c.merged_into_id is null`;
    const checks: DataQualityCheck[] = [
      await this.sqlCheck(
        em,
        DataQualityIssue.NO_CONTACT,
        args.examples,
        `select c.id, 'no email or phone' as detail from customer c where ${live} and not c.anonymous and c.email is null and c.phone is null`,
        [tenantId],
      ),
      await this.sqlCheck(
        em,
        DataQualityIssue.MISSING_NAME,
        args.examples,
        `select c.id, 'no display name' as detail from customer c where ${live} and not c.anonymous and c.display_name is null`,
        [tenantId],
      ),
      ...(await this.contactChecks(em, tenantId, args.examples)),
      await this.identifierCheck(em, tenantId, args.examples),
      // Activity is any timeline event, or a points movement (imports and jobs have no timeline event).
      await this.sqlCheck(
        em,
        DataQualityIssue.INACTIVE,
        args.examples,
        `select c.id, 'last activity ' || coalesce(to_char(greatest(b.last_activity_at, last.at), 'YYYY-MM-DD'), 'never') as detail
           from customer c
           left join points_balance b on b.customer_id = c.id
           left join lateral (select max(t.occurred_at) as at from timeline_event t where t.tenant_id = c.tenant_id and t.customer_id = c.id) last on true
          where ${live} and c.created_at < now() - make_interval(months => ?)
            and coalesce(greatest(b.last_activity_at, last.at), c.created_at) < now() - make_interval(months => ?)`,
        [tenantId, args.inactiveMonths, args.inactiveMonths],
      ),
    ];
    return { customers, inactiveMonths: args.inactiveMonths, generatedAt: new Date(), checks };
  }

  /** Count and first examples in one statement: the window count is taken before the limit. */
  private async sqlCheck(
    em: EntityManager,
    issue: DataQualityIssue,
    examples: number,
    select: string,
    params: unknown[],
  ): Promise<DataQualityCheck> {
    const rows = await em.execute<{ id: string; detail: string; total: number }[]>(
      `select id, detail, count(*) over ()::int as total from (${select}) found
        order by (select created_at from customer where id = found.id), id limit greatest(?, 1)`,
      [...params, examples],
    );
    return {
      issue,
      description: DESCRIPTIONS[issue],
      count: rows[0]?.total ?? 0,
      examples: rows.slice(0, examples).map((row) => ({ customerId: row.id, detail: row.detail })),
    };
  }

  /** Profile emails and phones checked by the same rules as new input. */
  private async contactChecks(em: EntityManager, tenantId: string, examples: number): Promise<DataQualityCheck[]> {
    const bad = {
      email: { count: 0, examples: [] as DataQualityExample[] },
      phone: { count: 0, examples: [] as DataQualityExample[] },
    };
    await scanById<{ id: string; email: string | null; phone: string | null }>(
      em,
      `select id, email, phone from customer
        where tenant_id = ? and kind = 'PERSON' and merged_into_id is null and (email is not null or phone is not null) and id > ?
        order by id limit ?`,
      tenantId,
      (row) => {
        for (const field of ['email', 'phone'] as const) {
          const value = row[field];
          if (value === null) continue;
          const checked = field === 'email' ? normalizeEmail(value) : normalizePhone(value);
          if (checked.ok && checked.value === value) continue;
          bad[field].count += 1;
          if (bad[field].examples.length < examples)
            bad[field].examples.push({
              customerId: row.id,
              detail: checked.ok ? `"${value}" is not in normal form (${checked.value})` : checked.reason,
            });
        }
      },
    );
    return [
      { issue: DataQualityIssue.INVALID_EMAIL, description: DESCRIPTIONS.INVALID_EMAIL, ...bad.email },
      { issue: DataQualityIssue.INVALID_PHONE, description: DESCRIPTIONS.INVALID_PHONE, ...bad.phone },
    ];
  }

  private async identifierCheck(em: EntityManager, tenantId: string, examples: number): Promise<DataQualityCheck> {
    const found = { count: 0, examples: [] as DataQualityExample[] };
    await scanById<{ id: string; customer_id: string; kind: IdentifierKind; value: string }>(
      em,
      `select id, customer_id, kind, value from customer_identifier where tenant_id = ? and id > ? order by id limit ?`,
      tenantId,
      (row) => {
        const checked = normalizeIdentifier(row.kind, row.value);
        if (checked.ok && checked.value === row.value) return;
        found.count += 1;
        if (found.examples.length < examples) {
          found.examples.push({
            customerId: row.customer_id,
            detail: `${row.kind} "${row.value}": ${checked.ok ? `not in normal form (${checked.value})` : checked.reason}`,
          });
        }
      },
    );
    return { issue: DataQualityIssue.INVALID_IDENTIFIER, description: DESCRIPTIONS.INVALID_IDENTIFIER, ...found };
  }
}
