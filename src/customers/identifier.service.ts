import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

import { assertMayActOnCustomer, requireTenant } from '../shared/auth/guards';
import type { Context } from '../shared/context';
import { optionalText } from '../shared/validation';
import type { Customer, CustomerRecord } from './customer.entity';
import { customerError, CustomerErrorCode } from './customer.errors';
import { customerOrNotFound } from './customer.lookup';
import { IdentifierKind, normalizeIdentifier } from './identifier.logic';
import type {
  AddIdentifierInput,
  IdentifierInput,
  ResolveCustomerInput,
  ResolveCustomerResult,
} from './identifier.types';
import { ResolveOutcome } from './identifier.types';

interface Identifier {
  kind: IdentifierKind;
  value: string;
}

interface IdentifierRow extends Identifier {
  customer_id: string;
}

const MAX_IDENTIFIERS = 20;

function normalized(input: IdentifierInput[], field: string): Identifier[] {
  if (input.length === 0 || input.length > MAX_IDENTIFIERS) {
    throw customerError(CustomerErrorCode.IDENTIFIER_INVALID, `Give 1 to ${MAX_IDENTIFIERS} identifiers`, field);
  }
  const seen = new Map<string, Identifier>();
  input.forEach((identifier, index) => {
    const result = normalizeIdentifier(identifier.kind, identifier.value);
    if (!result.ok) throw customerError(CustomerErrorCode.IDENTIFIER_INVALID, result.reason, `${field}.${index}.value`);
    seen.set(`${identifier.kind}:${result.value}`, { kind: identifier.kind, value: result.value });
  });
  return [...seen.values()];
}

/** Identifiers of customers, and resolving a set of them to the one customer they belong to. */
export class IdentifierService {
  /** Which customers hold any of these identifiers, in the caller's tenant only. */
  async owners(em: EntityManager, tenantId: string, identifiers: Identifier[]): Promise<IdentifierRow[]> {
    return await em.execute<IdentifierRow[]>(
      `select kind, value, customer_id from customer_identifier
        where tenant_id = ? and (kind, value) in (${identifiers.map(() => '(?::identifier_kind, ?)').join(', ')})`,
      [tenantId, ...identifiers.flatMap((identifier) => [identifier.kind, identifier.value])],
    );
  }

  /** Adds identifiers to a customer in the caller's transaction; returns those another customer already holds. */
  async attach(
    tx: EntityManager,
    tenantId: string,
    customerId: string,
    identifiers: Identifier[],
    source: string | null,
  ): Promise<Identifier[]> {
    if (identifiers.length === 0) return [];
    const rows = await tx.execute<IdentifierRow[]>(
      `insert into customer_identifier (id, tenant_id, customer_id, kind, value, source, created_at)
       values ${identifiers.map(() => '(gen_random_uuid(), ?, ?, ?::identifier_kind, ?, ?, now())').join(', ')}
       on conflict (tenant_id, kind, value) do update set source = customer_identifier.source
       returning kind, value, customer_id`,
      identifiers.flatMap((identifier) => [tenantId, customerId, identifier.kind, identifier.value, source]),
    );
    return rows.filter((row) => row.customer_id !== customerId).map(({ kind, value }) => ({ kind, value }));
  }

  /** Keeps a profile's email and phone in the identifier table, replacing the values they had before. */
  async syncContact(
    tx: EntityManager,
    tenantId: string,
    customer: Pick<Customer, 'id' | 'email' | 'phone'>,
    before: { email?: string; phone?: string } = {},
  ): Promise<void> {
    for (const [kind, now, was] of [
      [IdentifierKind.EMAIL, customer.email, before.email],
      [IdentifierKind.PHONE, customer.phone, before.phone],
    ] as const) {
      if (now === was) continue;
      if (was)
        await tx.execute(
          `delete from customer_identifier where tenant_id = ? and customer_id = ? and kind = ? and value = ?`,
          [tenantId, customer.id, kind, was],
        );
      if (!now) continue;
      const taken = await this.attach(tx, tenantId, customer.id, [{ kind, value: now }], 'profile');
      if (taken.length > 0) {
        throw kind === IdentifierKind.EMAIL
          ? customerError(CustomerErrorCode.EMAIL_TAKEN, `Another customer has email ${now}`, 'input.email')
          : customerError(CustomerErrorCode.PHONE_TAKEN, `Another customer has phone ${now}`, 'input.phone');
      }
    }
  }

  async add(ctx: Context, input: AddIdentifierInput): Promise<CustomerRecord> {
    const tenantId = requireTenant(ctx);
    assertMayActOnCustomer(ctx, input.customerId);
    // A customer can vouch for their own device, not for an email, card or account number someone else may hold.
    if (ctx.caller?.kind === 'customer' && input.kind !== IdentifierKind.DEVICE_ID) {
      throw customerError(
        CustomerErrorCode.IDENTIFIER_INVALID,
        'A customer token adds only DEVICE_ID identifiers; staff add the others',
        'input.kind',
      );
    }
    const [identifier] = normalized([{ kind: input.kind, value: input.value }], 'input');
    const customer = await customerOrNotFound(ctx, input.customerId, 'input.customerId');
    const source = optionalText(input.source, 'input.source', 50) ?? null;
    await ctx.em.transactional(async (tx) => {
      const taken = await this.attach(tx, tenantId, customer.id, [identifier], source);
      if (taken.length > 0)
        throw customerError(
          CustomerErrorCode.IDENTIFIER_TAKEN,
          `Another customer holds ${identifier.kind} ${identifier.value}`,
          'input.value',
        );
      if (customer.anonymous && identifier.kind !== IdentifierKind.DEVICE_ID) {
        await tx.execute(
          `update customer set anonymous = false, version = version + 1, updated_at = now() where id = ?`,
          [customer.id],
        );
      }
    });
    ctx.loaders.customerById.clear(customer.id);
    ctx.loaders.identifiersByCustomer.clear(customer.id);
    return (await ctx.loaders.customerById.load(customer.id))!;
  }

  /**
   * Finds the one customer these identifiers belong to and adds the ones it lacks (an anonymous profile
   * signing in keeps its history: it is the same customer, now known); creates a customer when none
   * matches; when they point at more than one customer, says so and changes nothing.
   */
  async resolve(ctx: Context, input: ResolveCustomerInput): Promise<ResolveCustomerResult> {
    const tenantId = requireTenant(ctx);
    const identifiers = normalized(input.identifiers, 'input.identifiers');
    const source = optionalText(input.source, 'input.source', 50) ?? null;
    const displayName = optionalText(input.displayName, 'input.displayName');
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.resolveOnce(ctx, tenantId, identifiers, {
          source,
          displayName,
          create: input.createIfMissing ?? true,
        });
      } catch (error) {
        // Another request created the same customer or took the same identifier first: resolve again, now it matches.
        if (!(error instanceof UniqueConstraintViolationException) || attempt === 3) throw error;
      }
    }
  }

  private async resolveOnce(
    ctx: Context,
    tenantId: string,
    identifiers: Identifier[],
    options: { source: string | null; displayName: string | undefined; create: boolean },
  ): Promise<ResolveCustomerResult> {
    const owners = await this.owners(ctx.em, tenantId, identifiers);
    const customerIds = [...new Set(owners.map((owner) => owner.customer_id))];
    if (customerIds.length > 1) {
      const candidates = (await ctx.loaders.customerById.loadMany(customerIds)).filter(
        (found): found is CustomerRecord => !!found && !(found instanceof Error),
      );
      return {
        outcome: ResolveOutcome.AMBIGUOUS,
        candidates,
        added: [],
        matchedBy: owners.map(({ kind, value }) => ({ kind, value })),
      };
    }
    const known = new Set(owners.map((owner) => `${owner.kind}:${owner.value}`));
    const missing = identifiers.filter((identifier) => !known.has(`${identifier.kind}:${identifier.value}`));
    const email = identifiers.find((identifier) => identifier.kind === IdentifierKind.EMAIL)?.value;
    const phone = identifiers.find((identifier) => identifier.kind === IdentifierKind.PHONE)?.value;
    const signedIn = identifiers.some((identifier) => identifier.kind !== IdentifierKind.DEVICE_ID);

    if (customerIds.length === 0) {
      if (!options.create) return { outcome: ResolveOutcome.NOT_FOUND, candidates: [], added: [], matchedBy: [] };
      const id = await ctx.em.transactional(async (tx) => {
        const [created] = await tx.execute<{ id: string }[]>(
          `insert into customer (id, tenant_id, email, phone, display_name, anonymous, segments, version, created_at, updated_at)
           values (gen_random_uuid(), ?, ?, ?, ?, ?, '{}', 1, now(), now()) returning id`,
          [tenantId, email ?? null, phone ?? null, options.displayName ?? null, !signedIn],
        );
        const taken = await this.attach(tx, tenantId, created.id, identifiers, options.source);
        // Someone else took one of them since we looked: undo, and resolve again.
        if (taken.length > 0) throw new UniqueConstraintViolationException(new Error('identifier taken concurrently'));
        return created.id;
      });
      return {
        outcome: ResolveOutcome.CREATED,
        customer: (await ctx.loaders.customerById.load(id))!,
        candidates: [],
        added: identifiers,
        matchedBy: [],
      };
    }

    const customerId = customerIds[0];
    assertMayActOnCustomer(ctx, customerId);
    if (missing.length > 0) {
      await ctx.em.transactional(async (tx) => {
        const taken = await this.attach(tx, tenantId, customerId, missing, options.source);
        if (taken.length > 0) throw new UniqueConstraintViolationException(new Error('identifier taken concurrently'));
        // A profile known only by its device becomes a known customer; its contact fields fill in if empty.
        await tx.execute(
          `update customer set anonymous = anonymous and not ?, email = coalesce(email, ?), phone = coalesce(phone, ?),
                  display_name = coalesce(display_name, ?), version = version + 1, updated_at = now()
            where id = ?`,
          [signedIn, email ?? null, phone ?? null, options.displayName ?? null, customerId],
        );
      });
      ctx.loaders.customerById.clear(customerId);
    }
    return {
      outcome: missing.length > 0 ? ResolveOutcome.LINKED : ResolveOutcome.MATCHED,
      customer: (await ctx.loaders.customerById.load(customerId))!,
      candidates: [],
      added: missing,
      matchedBy: owners.map(({ kind, value }) => ({ kind, value })),
    };
  }
}
