import { UniqueConstraintViolationException } from '@mikro-orm/core';

import { requireTenant } from '../shared/auth/guards';
import type { Context } from '../shared/context';
import { inputError, InputErrorCode } from '../shared/errors';
import { isUuid, requiredText } from '../shared/validation';
import { Store } from './store.entity';
import type { CreateStoreInput } from './store.types';

const STORE_CODE = /^[A-Za-z0-9_-]{1,32}$/;

export class StoreService {
  async create(ctx: Context, input: CreateStoreInput): Promise<Store> {
    const tenantId = requireTenant(ctx);
    const name = requiredText(input.name, 'input.name');
    const region = requiredText(input.region, 'input.region', 64);
    const code = input.code.trim();
    if (!STORE_CODE.test(code)) {
      throw inputError(InputErrorCode.INVALID, 'input.code must be 1-32 letters, digits, - or _', 'input.code');
    }
    try {
      return await ctx.em.transactional(async (tx) => {
        const store = tx.create(Store, { tenant: tenantId, name, code, region });
        await tx.flush();
        return store;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw inputError(InputErrorCode.TAKEN, `A store with code "${code}" exists`, 'input.code');
      }
      throw error;
    }
  }

  async get(ctx: Context, id: string): Promise<Store> {
    const store = isUuid(id) ? await ctx.loaders.storeById.load(id) : null;
    if (!store) throw inputError(InputErrorCode.NOT_FOUND, `No store ${id}`, 'id');
    return store;
  }

  list(ctx: Context): Promise<Store[]> {
    requireTenant(ctx);
    return ctx.em.find(Store, {}, { orderBy: { code: 'asc' } });
  }
}
