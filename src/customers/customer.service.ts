import { type FilterQuery, LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

import { recordEvent } from '../outbox/outbox';
import { Topic } from '../realtime/pubsub';
import type { Authenticator } from '../shared/auth/authenticator';
import { assertMayActOnCustomer, requireTenant } from '../shared/auth/guards';
import type { Context } from '../shared/context';
import { inputError, InputErrorCode } from '../shared/errors';
import { decodeCursor, pageSize, toConnection } from '../shared/graphql/connection';
import { isUuid, optionalText, requiredText } from '../shared/validation';
import { escapeLike, normalizeAddress, normalizeEmail, normalizePhone, type PostalAddress } from './contact';
import { Customer, CustomerKind, type CustomerRecord } from './customer.entity';
import { customerError, CustomerErrorCode } from './customer.errors';
import { customerOrNotFound } from './customer.lookup';
import type {
  CreateCustomerInput,
  CustomerConnection,
  CustomerToken,
  CustomerUpdate,
  UpdateCustomerInput,
} from './customer.types';
import type { IdentifierService } from './identifier.service';

/** Routing key of a customer's events: the tenant is part of it so ids can never cross tenants. */
export function customerRoutingKey(tenantId: string, customerId: string): string {
  return `${tenantId}:${customerId}`;
}

function email(raw: string | undefined, field: string): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const result = normalizeEmail(raw);
  if (!result.ok) throw customerError(CustomerErrorCode.EMAIL_INVALID, result.reason, field);
  return result.value;
}

function phone(raw: string | undefined, field: string): string | undefined {
  if (raw === undefined || raw === null || raw.trim() === '') return undefined;
  const result = normalizePhone(raw);
  if (!result.ok) throw customerError(CustomerErrorCode.PHONE_INVALID, result.reason, field);
  return result.value;
}

/** Maps a unique violation to the field it is about; anything else is rethrown. */
function rethrowTaken(error: unknown, contact: { email?: string; phone?: string }): never {
  if (error instanceof UniqueConstraintViolationException) {
    if (error.message.includes('phone')) {
      throw customerError(CustomerErrorCode.PHONE_TAKEN, `Another customer has phone ${contact.phone}`, 'input.phone');
    }
    throw customerError(CustomerErrorCode.EMAIL_TAKEN, `Another customer has email ${contact.email}`, 'input.email');
  }
  throw error;
}

function address(raw: CreateCustomerInput['address'], field: string): PostalAddress | undefined {
  if (raw === undefined || raw === null) return undefined;
  const result = normalizeAddress(raw);
  if ('field' in result)
    throw customerError(CustomerErrorCode.ADDRESS_INVALID, result.reason, `${field}.${result.field}`);
  return result;
}

/** Trimmed, distinct, bounded: segments are matched exactly by earning rules. */
function segments(raw: string[] | undefined | null, field: string): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (raw.length > 50)
    throw customerError(CustomerErrorCode.SEGMENTS_INVALID, `${field} takes at most 50 segments`, field);
  return [...new Set(raw.map((segment) => requiredText(segment, field, 100)))];
}

/** The revision an update expects, from the new argument or the deprecated one; both given must agree. */
function expectedRevision(input: UpdateCustomerInput): { revision: number; field: string } | undefined {
  const { expectedProfileRevision: revision, expectedVersion: legacy } = input;
  if (revision != null && legacy != null && revision !== legacy) {
    throw inputError(
      InputErrorCode.INVALID,
      'Give expectedProfileRevision only (expectedVersion is its deprecated name)',
      'input.expectedVersion',
    );
  }
  if (revision != null) return { revision, field: 'input.expectedProfileRevision' };
  if (legacy != null) return { revision: legacy, field: 'input.expectedVersion' };
  return undefined;
}

export function customerUpdate(customer: Customer): CustomerUpdate {
  return {
    customerId: customer.id,
    profileRevision: customer.version,
    version: customer.version,
    email: customer.email,
    phone: customer.phone,
    displayName: customer.displayName,
    updatedAt: customer.updatedAt.toISOString(),
  };
}

export class CustomerService {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly identifiers: IdentifierService,
  ) {}

  async create(ctx: Context, input: CreateCustomerInput): Promise<Customer> {
    const tenantId = requireTenant(ctx);
    const contact = { email: email(input.email, 'input.email'), phone: phone(input.phone, 'input.phone') };
    if (!contact.email && !contact.phone) {
      throw customerError(CustomerErrorCode.CONTACT_REQUIRED, 'Give an email or a phone', 'input.email');
    }
    const displayName = optionalText(input.displayName, 'input.displayName');
    const segmentList = segments(input.segments, 'input.segments') ?? [];
    const postal = address(input.address, 'input.address');
    try {
      return await ctx.em.transactional(async (tx) => {
        const customer = tx.create(Customer, {
          tenant: tenantId,
          ...contact,
          displayName,
          segments: segmentList,
          ...postal,
        });
        await tx.flush();
        await this.identifiers.syncContact(tx, tenantId, customer);
        return customer;
      });
    } catch (error) {
      rethrowTaken(error, contact);
    }
  }

  async update(ctx: Context, input: UpdateCustomerInput): Promise<Customer> {
    const tenantId = requireTenant(ctx);
    assertMayActOnCustomer(ctx, input.id);
    const contact = { email: email(input.email, 'input.email'), phone: phone(input.phone, 'input.phone') };
    const segmentList = segments(input.segments, 'input.segments');
    const postal = address(input.address, 'input.address');
    if (segmentList && ctx.caller?.kind === 'customer') {
      throw customerError(
        CustomerErrorCode.SEGMENTS_INVALID,
        'Segments are set by staff, not by the customer',
        'input.segments',
      );
    }
    try {
      return await ctx.em.transactional(async (tx) => {
        // The row lock orders concurrent updates, so versions go up by exactly one each and events follow them.
        const customer = await this.findForUpdate(tx, input.id);
        const before = { email: customer.email, phone: customer.phone };
        const expected = expectedRevision(input);
        if (expected && expected.revision !== customer.version) {
          throw customerError(
            CustomerErrorCode.VERSION_MISMATCH,
            `The customer is at profileRevision ${customer.version}, not ${expected.revision}`,
            expected.field,
          );
        }
        // A customer's own new email or phone is confirmed with a code first (requestContactChange), so an
        // unverified value never identifies them; checked before any lookup, so it says nothing about others.
        if (
          ctx.caller?.kind === 'customer' &&
          ((contact.email && contact.email !== customer.email) || (contact.phone && contact.phone !== customer.phone))
        ) {
          throw customerError(
            CustomerErrorCode.CONTACT_VERIFICATION_REQUIRED,
            'A customer changes their email or phone with requestContactChange and the code sent to it',
            contact.email && contact.email !== customer.email ? 'input.email' : 'input.phone',
          );
        }
        if (contact.email) customer.email = contact.email;
        if (input.phone !== undefined && input.phone !== null) customer.phone = contact.phone;
        if (input.displayName !== undefined && input.displayName !== null) {
          customer.displayName = optionalText(input.displayName, 'input.displayName');
        }
        if (segmentList) customer.segments = segmentList;
        if (postal) Object.assign(customer, postal);
        // A customer who had an email or a phone keeps one; profiles known by other identifiers never had one.
        if (!customer.email && !customer.phone && (before.email || before.phone)) {
          throw customerError(
            CustomerErrorCode.CONTACT_REQUIRED,
            'A customer keeps an email or a phone',
            'input.phone',
          );
        }
        customer.version += 1;
        customer.updatedAt = new Date();
        await tx.flush();
        await this.identifiers.syncContact(tx, tenantId, customer, before);
        recordEvent(tx, {
          tenantId,
          topic: Topic.CUSTOMER_UPDATED,
          routingKey: customerRoutingKey(tenantId, customer.id),
          payload: { ...customerUpdate(customer) },
        });
        return customer;
      });
    } catch (error) {
      rethrowTaken(error, contact);
    }
  }

  /**
   * Puts a verified email or phone on the profile in the caller's transaction, like an update: the row
   * locked, the identifier replaced, the version bumped and the change pushed to subscribers.
   */
  async applyVerifiedContact(
    tx: EntityManager,
    tenantId: string,
    customerId: string,
    contact: { email?: string; phone?: string },
  ): Promise<void> {
    const customer = await this.findForUpdate(tx, customerId);
    const before = { email: customer.email, phone: customer.phone };
    Object.assign(customer, contact);
    customer.version += 1;
    customer.updatedAt = new Date();
    await tx.flush();
    await this.identifiers.syncContact(tx, tenantId, customer, before);
    recordEvent(tx, {
      tenantId,
      topic: Topic.CUSTOMER_UPDATED,
      routingKey: customerRoutingKey(tenantId, customer.id),
      payload: { ...customerUpdate(customer) },
    });
  }

  /** One customer of the caller's tenant; a customer token sees only its own. */
  async get(ctx: Context, id: string, field = 'id'): Promise<CustomerRecord> {
    requireTenant(ctx);
    assertMayActOnCustomer(ctx, id);
    return customerOrNotFound(ctx, id, field);
  }

  /** Newest first; `search` matches an email prefix, a phone number, or part of the name. */
  async search(ctx: Context, args: { search?: string; first?: number; after?: string }): Promise<CustomerConnection> {
    requireTenant(ctx);
    const limit = pageSize(args.first);
    const after = decodeCursor(args.after);
    // Merged profiles answer through their survivor, and account pools are not people: neither is listed.
    const conditions: FilterQuery<Customer>[] = [{ mergedIntoId: null, kind: CustomerKind.PERSON }];
    const text = args.search?.trim();
    if (text) {
      const like = escapeLike(text.toLowerCase());
      const matches: FilterQuery<Customer>[] = [
        { email: { $like: `${like}%` } },
        { displayName: { $ilike: `%${like}%` } },
      ];
      const asPhone = normalizePhone(text);
      if (asPhone.ok) matches.push({ phone: asPhone.value });
      conditions.push({ $or: matches });
    }
    if (after) {
      conditions.push({ $or: [{ createdAt: { $lt: after.at } }, { createdAt: after.at, id: { $lt: after.id } }] });
    }
    const rows = await ctx.em.find(
      Customer,
      { $and: conditions },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: limit + 1 },
    );
    return toConnection(rows, limit, (customer) => ({ at: customer.createdAt, id: customer.id }), after);
  }

  /** Mints the token a signed-in customer uses, for back ends that do not sign their own. */
  async issueToken(ctx: Context, customerId: string, ttlSeconds: number): Promise<CustomerToken> {
    const tenantId = requireTenant(ctx);
    // The gateway would refuse a longer-lived token itself.
    const maxTtl = this.authenticator.customerTokenMaxTtlSeconds;
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < 60 || ttlSeconds > maxTtl) {
      throw customerError(CustomerErrorCode.TOKEN_TTL_INVALID, `ttlSeconds must be from 60 to ${maxTtl}`, 'ttlSeconds');
    }
    const customer = await this.get(ctx, customerId, 'customerId');
    return this.authenticator.signCustomerToken(tenantId, customer.id, ttlSeconds);
  }

  /** Locks the customer row; the id of a merged profile locks (and updates) its survivor. */
  private async findForUpdate(em: EntityManager, id: string): Promise<Customer> {
    const [row] = isUuid(id)
      ? await em.execute<{ id: string }[]>(`select coalesce(merged_into_id, id) as id from customer where id = ?`, [id])
      : [];
    const customer = row
      ? await em.findOne(Customer, { id: row.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
      : null;
    if (!customer) throw customerError(CustomerErrorCode.CUSTOMER_NOT_FOUND, `No customer ${id}`, 'input.id');
    return customer;
  }
}
