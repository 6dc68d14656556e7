import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

import { requireTenant } from '../shared/auth/guards';
import { Channel } from '../shared/channel';
import type { Context } from '../shared/context';
import { isUuid, requiredText } from '../shared/validation';
import { Tenant } from '../tenancy/tenant.entity';
import { Benefit, BenefitKind } from './benefit.entity';
import { programError, ProgramErrorCode } from './program.errors';
import type { BenefitInput, TierInput, UpdateProgramSettingsInput } from './program.types';
import { PointsRounding, ProgramSettings } from './program-settings.entity';
import { Tier } from './tier.entity';

const MAX_SPEND_THRESHOLD = 1_000_000_000_000;

function intIn(
  value: number | undefined | null,
  field: string,
  min: number,
  max: number,
  code = ProgramErrorCode.SETTINGS_INVALID,
): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Number.isInteger(value) || value < min || value > max)
    throw programError(code, `${field} must be a whole number from ${min} to ${max}`, field);
  return value;
}

function code(value: string, field: string): string {
  const trimmed = requiredText(value, field, 50).toUpperCase();
  if (!/^[A-Z0-9_-]+$/.test(trimmed))
    throw programError(ProgramErrorCode.TIER_INVALID, `${field} may hold letters, digits, - and _ only`, field);
  return trimmed;
}

export interface Economics {
  timeZone: string;
  earnPoints: number;
  earnPerMinor: number;
  rounding: PointsRounding;
  pendingDays: number;
}

/** The program's configuration: economics, the tier ladder, and tier benefits. */
export class ProgramService {
  /** The tenant's settings, created with the defaults on first use. */
  async settings(em: EntityManager, tenantId: string): Promise<ProgramSettings> {
    const found = await em.findOne(ProgramSettings, { tenant: tenantId });
    if (found) return found;
    await em.execute(
      `insert into program_settings (id, tenant_id, created_at) values (gen_random_uuid(), ?, now()) on conflict (tenant_id) do nothing`,
      [tenantId],
    );
    return em.findOneOrFail(ProgramSettings, { tenant: tenantId });
  }

  /** The tenant the settings belong to, which holds the rest of the economics (currency, expiry policy). */
  tenantOf(em: EntityManager, settings: ProgramSettings): Promise<Tenant> {
    // The identity map answers repeated calls within a request without another query.
    return em.findOneOrFail(Tenant, { id: settings.tenant.id });
  }

  /** What purchase evaluation needs, in one query: the earn rate, the return window, the tenant's time zone. */
  async economics(em: EntityManager, tenantId: string): Promise<Economics> {
    const [row] = await em.execute<
      {
        timezone: string;
        earn_points: number | null;
        earn_per_minor: number;
        rounding: PointsRounding;
        pending_days: number;
      }[]
    >(
      `select t.timezone, s.earn_points, s.earn_per_minor, s.rounding, s.pending_days
         from tenant t left join program_settings s on s.tenant_id = t.id where t.id = ?`,
      [tenantId],
    );
    if (row.earn_points === null) {
      const settings = await this.settings(em, tenantId);
      return {
        timeZone: row.timezone,
        earnPoints: settings.earnPoints,
        earnPerMinor: settings.earnPerMinor,
        rounding: settings.rounding,
        pendingDays: settings.pendingDays,
      };
    }
    return {
      timeZone: row.timezone,
      earnPoints: row.earn_points,
      earnPerMinor: row.earn_per_minor,
      rounding: row.rounding,
      pendingDays: row.pending_days,
    };
  }

  async updateSettings(ctx: Context, input: UpdateProgramSettingsInput): Promise<ProgramSettings> {
    const tenantId = requireTenant(ctx);
    const changes = {
      earnPoints: intIn(input.earnPoints, 'input.earnPoints', 0, 10_000),
      earnPerMinor: intIn(input.earnPerMinor, 'input.earnPerMinor', 1, 1_000_000),
      pendingDays: intIn(input.pendingDays, 'input.pendingDays', 0, 365),
      pointValuePerThousand: intIn(input.pointValuePerThousand, 'input.pointValuePerThousand', 0, 1_000_000),
      maxRewardCostPerThousand: intIn(input.maxRewardCostPerThousand, 'input.maxRewardCostPerThousand', 0, 1_000_000),
      voucherValidityDays: intIn(input.voucherValidityDays, 'input.voucherValidityDays', 1, 3660),
    };
    await this.settings(ctx.em, tenantId);
    return ctx.em.transactional(async (tx) => {
      const settings = await tx.findOneOrFail(
        ProgramSettings,
        { tenant: tenantId },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      if (input.expectedVersion != null && input.expectedVersion !== settings.version) {
        throw programError(
          ProgramErrorCode.VERSION_MISMATCH,
          `The settings are at version ${settings.version}, not ${input.expectedVersion}`,
          'input.expectedVersion',
        );
      }
      for (const [key, value] of Object.entries(changes)) {
        if (value !== undefined) (settings as unknown as Record<string, number>)[key] = value;
      }
      if (input.rounding) settings.rounding = input.rounding;
      if (input.clearGuardrail) settings.maxRewardCostPerThousand = null;
      settings.version += 1;
      return settings;
    });
  }

  async createTier(ctx: Context, input: TierInput): Promise<Tier> {
    const tenantId = requireTenant(ctx);
    const fields = this.tierFields(input);
    // Every member without a tier row is in the base tier, so it must exist before any other.
    if (fields.rank > 0 && !(await ctx.em.findOne(Tier, { rank: 0 }))) {
      throw programError(
        ProgramErrorCode.TIER_INVALID,
        'Create the base tier (rank 0, threshold 0) first',
        'input.rank',
      );
    }
    try {
      return await ctx.em.transactional(async (tx) => {
        const tier = tx.create(Tier, { tenant: tenantId, ...fields });
        await tx.flush();
        return tier;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        const field = error.message.includes('rank') ? 'input.rank' : 'input.code';
        throw programError(ProgramErrorCode.TIER_TAKEN, `Another tier has this ${field.slice(6)}`, field);
      }
      throw error;
    }
  }

  async updateTier(ctx: Context, id: string, input: TierInput): Promise<Tier> {
    requireTenant(ctx);
    const fields = this.tierFields(input);
    try {
      return await ctx.em.transactional(async (tx) => {
        const tier = isUuid(id) ? await tx.findOne(Tier, { id }) : null;
        if (!tier) throw programError(ProgramErrorCode.TIER_NOT_FOUND, `No tier ${id}`, 'id');
        if ((tier.rank === 0) !== (fields.rank === 0))
          throw programError(
            ProgramErrorCode.TIER_INVALID,
            'The base tier keeps rank 0, and no other tier takes it',
            'input.rank',
          );
        Object.assign(tier, fields);
        await tx.flush();
        return tier;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException)
        throw programError(ProgramErrorCode.TIER_TAKEN, 'Another tier has this code or rank', 'input.rank');
      throw error;
    }
  }

  private tierFields(input: TierInput) {
    const rank = intIn(input.rank, 'input.rank', 0, 100, ProgramErrorCode.TIER_INVALID)!;
    if (!Number.isSafeInteger(input.threshold) || input.threshold < 0 || input.threshold > MAX_SPEND_THRESHOLD) {
      throw programError(
        ProgramErrorCode.TIER_INVALID,
        `input.threshold must be a whole number from 0 to ${MAX_SPEND_THRESHOLD}`,
        'input.threshold',
      );
    }
    if ((rank === 0) !== (input.threshold === 0)) {
      throw programError(
        ProgramErrorCode.TIER_INVALID,
        'The base tier (rank 0), and only it, has threshold 0',
        'input.threshold',
      );
    }
    return {
      code: code(input.code, 'input.code'),
      name: requiredText(input.name, 'input.name', 100),
      rank,
      metric: input.metric,
      threshold: input.threshold,
      window: input.window,
      graceDays: intIn(input.graceDays, 'input.graceDays', 0, 365, ProgramErrorCode.TIER_INVALID) ?? 30,
    };
  }

  async upsertBenefit(ctx: Context, input: BenefitInput): Promise<Benefit> {
    const tenantId = requireTenant(ctx);
    const benefitCode = code(input.code, 'input.code');
    const tier = isUuid(input.tierId) ? await ctx.em.findOne(Tier, { id: input.tierId }) : null;
    if (!tier) throw programError(ProgramErrorCode.TIER_NOT_FOUND, `No tier ${input.tierId}`, 'input.tierId');
    const value = input.value ?? 0;
    if (input.kind === BenefitKind.POINTS_MULTIPLIER && (!Number.isInteger(value) || value <= 100 || value > 1000)) {
      throw programError(
        ProgramErrorCode.BENEFIT_INVALID,
        'A points multiplier is a percent from 101 to 1000 (150 = 1.5x)',
        'input.value',
      );
    }
    if (input.kind === BenefitKind.PERCENT_DISCOUNT && (!Number.isInteger(value) || value < 1 || value > 100)) {
      throw programError(
        ProgramErrorCode.BENEFIT_INVALID,
        'A discount is a whole percent from 1 to 100',
        'input.value',
      );
    }
    const monetary = input.kind === BenefitKind.POINTS_MULTIPLIER || input.kind === BenefitKind.PERCENT_DISCOUNT;
    if (!monetary && value !== 0)
      throw programError(ProgramErrorCode.BENEFIT_INVALID, 'A non-monetary benefit has no value', 'input.value');
    if (input.channels.length === 0)
      throw programError(
        ProgramErrorCode.BENEFIT_INVALID,
        'Name at least one channel where it is honoured',
        'input.channels',
      );
    const texts = (input.texts ?? []).map((entry, index) => ({
      channel: entry.channel,
      text: requiredText(entry.text, `input.texts.${index}.text`, entry.channel === Channel.POS ? 40 : 500),
    }));
    const fields = {
      tierId: tier.id,
      kind: input.kind,
      value,
      title: requiredText(input.title, 'input.title', 200),
      channels: [...new Set(input.channels)],
      texts,
      active: input.active ?? true,
    };
    return ctx.em.transactional(async (tx) => {
      const existing = await tx.findOne(Benefit, { code: benefitCode });
      if (existing) return Object.assign(existing, fields);
      return tx.create(Benefit, { tenant: tenantId, code: benefitCode, ...fields });
    });
  }
}
