import { randomUUID } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/postgresql';

import { BenefitKind } from '../../src/program/benefit.entity';
import { toLoyaltyState } from '../../src/realtime/loyalty-state.service';
import { type StatePayload, StateSource } from '../../src/realtime/loyalty-state.types';
import { Channel } from '../../src/shared/channel';
import {
  applyDatabaseCode,
  DATABASE_CODE_TABLE,
  type DatabaseCodeFile,
  databaseCodeFile,
  readDatabaseCode,
} from '../../src/shared/db/database-code';
import { migrate } from '../../src/shared/db/migrate';
import { CreateTierDocument, RedeemRewardVoucherDocument } from '../generated/graphql';
import { activeReward, createCustomer, createTenant, earn, startGateway, type TestGateway } from '../support';

/** Functions (by signature) and triggers (by table) the application defines in the public schema. */
const DEFINITIONS_SQL = `
  select 'function ' || p.oid::regprocedure::text as name,
         case when p.prokind in ('f', 'p') then pg_get_functiondef(p.oid) else 'prokind ' || p.prokind::text end as definition
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
   where n.nspname = 'public'
     and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
  union all
  select 'trigger ' || t.tgname || ' on ' || c.relname, pg_get_triggerdef(t.oid)
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public' and not t.tgisinternal
   order by name`;

/**
 * Both sides are rendered by the same server, so only the whitespace of bodies (kept verbatim) can differ
 * without a change in meaning: collapsing it keeps the comparison about what the code does.
 */
async function definitions(em: EntityManager): Promise<Record<string, string>> {
  const rows = await em.execute<{ name: string; definition: string }[]>(DEFINITIONS_SQL);
  return Object.fromEntries(rows.map((row) => [row.name, row.definition.replace(/\s+/g, ' ').trim()]));
}

/** Runs `work` in a transaction that is rolled back, whatever happens. */
async function rolledBack<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
  const em = gw.gateway.orm.em.fork();
  await em.begin();
  try {
    return await work(em);
  } finally {
    await em.rollback();
  }
}

/**
 * What `files` alone build: every application function and trigger dropped, the files run in order, the
 * result read back (and rolled back). Anything defined only by a migration is then missing from it.
 */
async function builtFrom(files: readonly DatabaseCodeFile[]): Promise<Record<string, string>> {
  return rolledBack(async (em) => {
    const drops = await em.execute<{ statement: string }[]>(
      `select format('drop trigger %I on %I.%I', t.tgname, n.nspname, c.relname) as statement
         from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and not t.tgisinternal
       union all
       select format('drop function if exists %s cascade', p.oid::regprocedure)
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public'
          and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')`,
    );
    for (const { statement } of drops) await em.execute(statement);
    for (const file of files) await em.execute(file.sql);
    return definitions(em);
  });
}

function withFile(files: readonly DatabaseCodeFile[], name: string, edit: (sql: string) => string): DatabaseCodeFile[] {
  return files.map((file) => (file.name === name ? databaseCodeFile(name, edit(file.sql)) : file));
}

const SNAPSHOT_FILE = 'realtime/sql/loyalty-snapshot.sql';
const renamePending = (sql: string) => sql.replace(`'pending', coalesce`, `'pendingPoints', coalesce`);

let gw: TestGateway;

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0', TIER_JOBS_INTERVAL_MS: '0' } });
});
afterAll(async () => {
  await gw.close();
});

describe('database code: src/<domain>/sql is what the migrated database runs', () => {
  const files = readDatabaseCode();

  it('defines every function and trigger of the migrated database, with the same definitions, and nothing else', async () => {
    const migrated = await definitions(gw.gateway.orm.em.fork());
    expect(Object.keys(migrated)).toEqual(
      expect.arrayContaining(['function loyalty_snapshot(uuid)', 'trigger loyalty_state_balance on points_balance']),
    );
    expect(await builtFrom(files)).toEqual(migrated);
  });

  it('fails that comparison for a changed body not yet applied, or for a function only a migration defines', async () => {
    const migrated = await definitions(gw.gateway.orm.em.fork());
    const changed = await builtFrom(withFile(files, SNAPSHOT_FILE, renamePending));
    expect(changed['function loyalty_snapshot(uuid)']).not.toEqual(migrated['function loyalty_snapshot(uuid)']);
    const withoutNotify = await builtFrom(files.filter((file) => file.name !== 'outbox/sql/outbox-event-notify.sql'));
    expect(Object.keys(migrated).filter((name) => !(name in withoutNotify))).toEqual([
      'function outbox_event_notify()',
      'trigger outbox_event_notify on outbox_event',
    ]);
  });

  it('migrate applies nothing more while no file changed', async () => {
    expect(await migrate(gw.gateway.orm)).toEqual([]);
  });

  it('applies every file to a database that records none, a changed file again, and forgets deleted files', async () => {
    await rolledBack(async (em) => {
      // A database migrated before the files existed records none: each file applies once, and changes nothing
      // when the database already runs it (a file is idempotent).
      await em.execute(`drop table ${DATABASE_CODE_TABLE}`);
      const before = await definitions(em);
      expect(await applyDatabaseCode(em, files)).toEqual(files.map((file) => file.name));
      expect(await definitions(em)).toEqual(before);

      const changed = withFile(files, SNAPSHOT_FILE, renamePending);
      expect(await applyDatabaseCode(em, changed)).toEqual([SNAPSHOT_FILE]);
      expect((await definitions(em))['function loyalty_snapshot(uuid)']).toContain(`'pendingPoints'`);
      expect(await applyDatabaseCode(em, changed)).toEqual([]);

      await applyDatabaseCode(em, files.slice(1));
      const recorded = await em.execute<{ name: string }[]>(`select name from ${DATABASE_CODE_TABLE} order by name`);
      expect(recorded.map((row) => row.name)).toEqual(files.slice(1).map((file) => file.name));
    });
  });
});

/**
 * A JSON value's shape as TypeScript declares it: 'string', 'number', 'boolean', a one-element array for a
 * list, an object for an object. Nullable fields are declared by their non-null shape: the test below
 * builds a state in which every one of them is set.
 */
type Shape<T> = T extends string
  ? 'string'
  : T extends number
    ? 'number'
    : T extends boolean
      ? 'boolean'
      : T extends readonly (infer Item)[]
        ? [Shape<Item>]
        : { [K in keyof T]-?: Shape<NonNullable<T[K]>> };

type ShapeValue = string | ShapeValue[] | { [key: string]: ShapeValue };

/** The payload loyalty_state_touch writes, as StatePayload declares it: renaming a field on either side fails typecheck or test. */
const STATE_PAYLOAD: Shape<Omit<StatePayload, 'resync'>> = {
  customerId: 'string',
  version: 'number',
  changedAt: 'string',
  balance: { available: 'number', pending: 'number' },
  tier: { id: 'string', code: 'string', name: 'string', rank: 'number', expiresAt: 'string', limitedTime: 'boolean' },
  benefits: [{ code: 'string', kind: 'string', value: 'number', title: 'string', channels: ['string'] }],
  activeVouchers: [{ code: 'string', rewardId: 'string', pointsCost: 'number', expiresAt: 'string' }],
};

function shapeOf(value: unknown): ShapeValue {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const items = value.map(shapeOf);
    // A list is one shape: every item must have the first one's.
    return items.every((item) => JSON.stringify(item) === JSON.stringify(items[0])) ? items.slice(0, 1) : items;
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shapeOf(item)]));
  }
  return typeof value;
}

describe('the loyalty state the database writes is the StatePayload TypeScript reads', () => {
  it('has the keys and JSON types StatePayload declares, for a member with a tier, benefits, vouchers and pending points', async () => {
    const { owner } = await createTenant(gw);
    const tierIds: Record<string, string> = {};
    for (const [code, rank] of [
      ['BASE', 0],
      ['GOLD', 1],
    ] as const) {
      const { createTier } = await owner.data(CreateTierDocument, {
        input: { code, name: code, rank, metric: 'SPEND', threshold: rank * 100_000, window: 'CALENDAR_YEAR' },
      });
      tierIds[code] = createTier.id;
    }
    for (const [code, tier, kind, value] of [
      ['WELCOME', 'BASE', 'OTHER', null],
      ['GOLD-X2', 'GOLD', 'POINTS_MULTIPLIER', 200],
    ] as const) {
      await owner.data(`mutation ($input: BenefitInput!) { upsertBenefit(input: $input) { id } }`, {
        input: {
          code,
          tierId: tierIds[tier],
          kind,
          ...(value === null ? {} : { value }),
          title: code,
          channels: ['POS', 'MOBILE'],
        },
      });
    }
    const customer = await createCustomer(owner);
    await earn(owner, customer.id, 100, { reason: 'visit' });
    const pendingUntil = new Date(Date.now() + 14 * 86_400_000).toISOString();
    await earn(owner, customer.id, 40, { reason: 'visit', pendingUntil });
    const rewardId = await activeReward(owner, {
      code: 'CUP',
      name: 'Cup',
      pointsCost: 30,
      costToBusiness: 20,
      retailValue: 500,
    });
    await owner.data(RedeemRewardVoucherDocument, {
      input: { customerId: customer.id, rewardId, idempotencyKey: randomUUID() },
    });
    await owner.data(
      `mutation ($input: GrantTierStatusInput!) { grantTierStatus(input: $input) { current { code } } }`,
      {
        input: {
          customerId: customer.id,
          tierId: tierIds.GOLD,
          until: new Date(Date.now() + 30 * 86_400_000).toISOString(),
          note: 'status match',
          idempotencyKey: randomUUID(),
        },
      },
    );

    const [row] = await gw.gateway.orm.em
      .fork()
      .execute<{ payload: StatePayload }[]>(
        `select payload from outbox_event where customer_id = ? and topic = 'LOYALTY_STATE_CHANGED' order by version desc limit 1`,
        [customer.id],
      );
    const payload = row.payload;
    expect(payload).toMatchObject({
      balance: { available: 70, pending: 40 },
      tier: { code: 'GOLD', limitedTime: true },
      benefits: [{ code: 'GOLD-X2' }, { code: 'WELCOME' }],
      activeVouchers: [{ rewardId }],
    });
    expect(shapeOf(payload)).toEqual(STATE_PAYLOAD);
    // Values TypeScript reads as enums are among the enums' values.
    for (const benefit of payload.benefits) {
      expect(Object.values(BenefitKind)).toContain(benefit.kind);
      for (const channel of benefit.channels) expect(Object.values(Channel)).toContain(channel);
    }
    // And the mapping to GraphQL reads every date it expects.
    const state = toLoyaltyState(payload, StateSource.LIVE);
    for (const date of [state.changedAt, state.tier?.expiresAt, ...state.activeVouchers.map((v) => v.expiresAt)]) {
      expect(date).toBeInstanceOf(Date);
      expect(Number.isNaN(date!.getTime())).toBe(false);
    }
  });
});
