import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

import { Benefit } from '../program/benefit.entity';
import type { Economics, ProgramService } from '../program/program.service';
import { Tier } from '../program/tier.entity';
import { EVERY_INSTANCE, type ProgramConfigChangedEvent, Topic } from '../realtime/pubsub';
import type { SubscriptionBus } from '../shared/context';
import { TENANT_FILTER, type TenantFilterParams } from '../shared/db/tenant-filter';
import type { EarningRuleService } from './earning-rule.service';
import type { RuleForEvaluation } from './rules.logic';

/** What purchase evaluation reads of a tenant's program, as of one configuration version. */
export interface ProgramConfig {
  /** program_config_version.version when it was read ('0' before the first change); a booking checks it. */
  readonly version: string;
  readonly economics: Economics;
  /** Ordered by rank. Loaded in an EntityManager of their own: read them, never persist or flush them. */
  readonly tiers: Tier[];
  /** The active ones, ordered by code. */
  readonly benefits: Benefit[];
  /** The active rules, whatever their dates; usage and budgets as loaded, so read live per purchase. */
  readonly rules: readonly RuleForEvaluation[];
  /** Region by store id: the stores that exist. */
  readonly regionByStore: ReadonlyMap<string, string>;
}

interface Entry {
  readonly config: Promise<ProgramConfig>;
  version?: string;
}

/**
 * Program configuration per tenant, read once per version on each instance. Every change of what it holds moves
 * the tenant's version (the trigger program_config_touch) and publishes PROGRAM_CONFIG_CHANGED, on which each
 * instance drops its copy (`changed`). Correctness does not rest on that event: a booking checks the version it
 * evaluated with and, if it moved, drops the copy (`stale`) and evaluates again.
 */
export class ProgramConfigCache {
  // A Map keeps insertion order: the first key is the least recently used tenant.
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly program: ProgramService,
    private readonly rules: EarningRuleService,
    private readonly maxTenants = 1_000,
  ) {}

  get(em: EntityManager, tenantId: string): Promise<ProgramConfig> {
    const found = this.entries.get(tenantId);
    if (found) {
      this.entries.delete(tenantId);
      this.entries.set(tenantId, found);
      return found.config;
    }
    const entry: Entry = { config: this.load(em, tenantId) };
    this.entries.set(tenantId, entry);
    entry.config.then(
      (config) => (entry.version = config.version),
      () => this.entries.get(tenantId) === entry && this.entries.delete(tenantId),
    );
    if (this.entries.size > this.maxTenants) this.entries.delete(this.entries.keys().next().value!);
    return entry.config;
  }

  /** A version was committed: drops the tenant's copy unless it is already that version or a later one. */
  changed(tenantId: string, version: number): void {
    const entry = this.entries.get(tenantId);
    if (entry && (entry.version === undefined || Number(entry.version) < version)) this.entries.delete(tenantId);
  }

  /** A booking found the database at another version than `config`: the next `get` reads it again. */
  stale(tenantId: string, config: ProgramConfig): void {
    if (this.entries.get(tenantId)?.version === config.version) this.entries.delete(tenantId);
  }

  /**
   * `config` if the database is still at its version, else a fresh copy: for what cannot wait for the booking's
   * check, such as a store created a moment ago on another instance, which would otherwise be refused as unknown.
   */
  async current(em: EntityManager, tenantId: string, config: ProgramConfig): Promise<ProgramConfig> {
    if ((await this.versionOf(em, tenantId)) === config.version) return config;
    this.stale(tenantId, config);
    return this.get(em, tenantId);
  }

  clear(): void {
    this.entries.clear();
  }

  private async versionOf(em: EntityManager, tenantId: string): Promise<string> {
    const [row] = await em.execute<{ version: string | null }[]>(
      `select (select version from program_config_version where tenant_id = ?)::text as version`,
      [tenantId],
    );
    return row.version ?? '0';
  }

  private async load(em: EntityManager, tenantId: string): Promise<ProgramConfig> {
    // The version first: what is read after it is that version or newer, so a copy is never newer than its
    // version says, and a booking that finds the version moved reads again.
    const version = await this.versionOf(em, tenantId);
    // Its own fork: the entities outlive this request and must not sit in its identity map.
    const fork = em.fork({ clear: true });
    fork.setFilterParams(TENANT_FILTER, { tenantId } satisfies TenantFilterParams);
    const [economics, tiers, benefits, rules, stores] = await Promise.all([
      this.program.economics(fork, tenantId),
      fork.find(Tier, { tenant: tenantId }, { orderBy: { rank: 'asc' } }),
      fork.find(Benefit, { tenant: tenantId, active: true }, { orderBy: { code: 'asc' } }),
      this.rules.active(fork, tenantId),
      fork.execute<{ id: string; region: string }[]>(`select id, region from store where tenant_id = ?`, [tenantId]),
    ]);
    return {
      version,
      economics,
      tiers,
      benefits,
      rules,
      regionByStore: new Map(stores.map((store) => [store.id, store.region])),
    };
  }
}

/**
 * Drops a tenant's cached program configuration on every instance when a new version is committed anywhere. A
 * missed event costs a reload at the next booking (which checks the version), so a failed stream is opened again
 * with the cache cleared, without more ceremony.
 */
export function followProgramConfig(bus: SubscriptionBus, cache: ProgramConfigCache, log: Logger): () => void {
  let stopped = false;
  let stream = bus.subscribe<ProgramConfigChangedEvent>(Topic.PROGRAM_CONFIG_CHANGED, EVERY_INSTANCE);
  void (async () => {
    while (!stopped) {
      try {
        for await (const event of stream) cache.changed(event.tenantId, Number(event.version));
      } catch (error) {
        log.warn({ err: error }, 'program configuration stream failed; listening again');
      }
      cache.clear();
      if (!stopped) stream = bus.subscribe<ProgramConfigChangedEvent>(Topic.PROGRAM_CONFIG_CHANGED, EVERY_INSTANCE);
    }
  })();
  return () => {
    stopped = true;
    void stream.return?.();
  };
}
