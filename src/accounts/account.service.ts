import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

import { Customer, CustomerKind, type CustomerRecord } from '../customers/customer.entity';
import { customerOrNotFound } from '../customers/customer.lookup';
import { assertMayActOnCustomer, requireTenant } from '../shared/auth/guards';
import type { Context } from '../shared/context';
import { isUuid, requiredText } from '../shared/validation';
import { accountError, AccountErrorCode } from './account.errors';
import type {
  BusinessAccountResult,
  CreateBusinessAccountInput,
  SetAccountMembershipInput,
  UpdateBusinessAccountInput,
} from './account.types';
import { BusinessAccount } from './business-account.entity';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** B2B accounts: a company, its member customers, and (when it pools) the customer row holding its points. */
export class AccountService {
  async create(ctx: Context, input: CreateBusinessAccountInput): Promise<BusinessAccountResult> {
    const tenantId = requireTenant(ctx);
    const code = requiredText(input.code, 'input.code', 64);
    if (!CODE.test(code))
      throw accountError(
        AccountErrorCode.ACCOUNT_INVALID,
        'input.code takes letters, digits, ".", "_" and "-"',
        'input.code',
      );
    const name = requiredText(input.name, 'input.name', 200);
    const poolPoints = input.poolPoints ?? false;
    const existing = await ctx.em.findOne(BusinessAccount, { code });
    if (existing) return this.replay(existing, name, poolPoints);
    const created = await ctx.em.transactional(async (tx) => {
      const [row] = await tx.execute<{ id: string }[]>(
        `insert into business_account (id, created_at, tenant_id, code, name, pool_points, version)
         values (gen_random_uuid(), now(), ?, ?, ?, ?, 1) on conflict (tenant_id, code) do nothing returning id`,
        [tenantId, code, name, poolPoints],
      );
      if (!row) return null;
      if (poolPoints) await this.ensurePool(tx, tenantId, row.id, name);
      return row.id;
    });
    // A concurrent create with the same code won: answer as a replay of it.
    if (!created)
      return this.replay(await ctx.em.findOneOrFail(BusinessAccount, { code }, { refresh: true }), name, poolPoints);
    return {
      account: await ctx.em.findOneOrFail(BusinessAccount, { id: created }, { refresh: true }),
      replayed: false,
    };
  }

  async update(ctx: Context, input: UpdateBusinessAccountInput): Promise<BusinessAccount> {
    const tenantId = requireTenant(ctx);
    const name =
      input.name === undefined || input.name === null ? undefined : requiredText(input.name, 'input.name', 200);
    return ctx.em.transactional(async (tx) => {
      const account = isUuid(input.id)
        ? await tx.findOne(BusinessAccount, { id: input.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
        : null;
      if (!account)
        throw accountError(AccountErrorCode.ACCOUNT_NOT_FOUND, `No business account ${input.id}`, 'input.id');
      if (input.expectedVersion != null && input.expectedVersion !== account.version) {
        throw accountError(
          AccountErrorCode.VERSION_MISMATCH,
          `The account is at version ${account.version}, not ${input.expectedVersion}`,
          'input.expectedVersion',
        );
      }
      if (name !== undefined) account.name = name;
      if (input.poolPoints !== undefined && input.poolPoints !== null) account.poolPoints = input.poolPoints;
      account.version += 1;
      await tx.flush();
      if (account.poolPoints && !account.poolCustomerId) {
        account.poolCustomerId = await this.ensurePool(tx, tenantId, account.id, account.name);
      }
      return account;
    });
  }

  /** Puts a customer in an account (or takes them out with a null account). Points they hold stay with them. */
  async setMembership(ctx: Context, input: SetAccountMembershipInput): Promise<CustomerRecord> {
    requireTenant(ctx);
    assertMayActOnCustomer(ctx, input.customerId);
    const customer = await customerOrNotFound(ctx, input.customerId, 'input.customerId');
    // A pool is reached through its account, never made a member of one.
    if (customer.kind !== CustomerKind.PERSON)
      throw accountError(AccountErrorCode.CUSTOMER_NOT_FOUND, `No customer ${input.customerId}`, 'input.customerId');
    const accountId = input.accountId ?? null;
    if (accountId !== null) {
      const account = isUuid(accountId) ? await ctx.em.findOne(BusinessAccount, { id: accountId }) : null;
      if (!account)
        throw accountError(AccountErrorCode.ACCOUNT_NOT_FOUND, `No business account ${accountId}`, 'input.accountId');
    }
    await ctx.em.execute(
      `update customer set business_account_id = ?, version = version + 1, updated_at = now() where id = ? and business_account_id is distinct from ?`,
      [accountId, customer.id, accountId],
    );
    ctx.loaders.customerById.clear(customer.id);
    return await ctx.em.findOneOrFail(Customer, { id: customer.id }, { refresh: true });
  }

  async get(ctx: Context, id: string, field = 'id'): Promise<BusinessAccount> {
    requireTenant(ctx);
    const account = isUuid(id) ? await ctx.em.findOne(BusinessAccount, { id }) : null;
    if (!account) throw accountError(AccountErrorCode.ACCOUNT_NOT_FOUND, `No business account ${id}`, field);
    return account;
  }

  /** Members, oldest first; merged profiles are not members (their survivor may be). */
  async members(ctx: Context, account: BusinessAccount, first: number): Promise<CustomerRecord[]> {
    const limit = Math.max(1, Math.min(first, 200));
    return ctx.em.find(
      Customer,
      { businessAccountId: account.id, mergedIntoId: null },
      { orderBy: { createdAt: 'asc', id: 'asc' }, limit },
    );
  }

  private replay(existing: BusinessAccount, name: string, poolPoints: boolean): BusinessAccountResult {
    if (existing.name !== name || existing.poolPoints !== poolPoints) {
      throw accountError(
        AccountErrorCode.ACCOUNT_CODE_TAKEN,
        `The code ${existing.code} belongs to the account "${existing.name}"`,
        'input.code',
      );
    }
    return { account: existing, replayed: true };
  }

  /** The customer row that holds an account's pooled points (kind ACCOUNT_POOL; no contact, never listed). */
  private async ensurePool(tx: EntityManager, tenantId: string, accountId: string, name: string): Promise<string> {
    const [pool] = await tx.execute<{ id: string }[]>(
      `with pool as (
         insert into customer (id, tenant_id, kind, display_name, anonymous, segments, version, created_at, updated_at)
         values (gen_random_uuid(), ?, 'ACCOUNT_POOL', ?, false, '{}', 1, now(), now()) returning id)
       update business_account a set pool_customer_id = pool.id from pool where a.id = ? returning pool.id`,
      [tenantId, `${name} (points pool)`, accountId],
    );
    return pool.id;
  }
}
