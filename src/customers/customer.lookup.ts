import type { Context } from '../shared/context';
import { isUuid } from '../shared/validation';
import type { CustomerRecord } from './customer.entity';
import { customerError, CustomerErrorCode } from './customer.errors';

/**
 * A customer of the caller's tenant by id, through the request's loader (so a merged profile's id gives its
 * survivor), else NOT_FOUND `CUSTOMER_NOT_FOUND` naming the field. Every domain looks customers up this way.
 */
export async function customerOrNotFound(ctx: Context, id: string, field: string): Promise<CustomerRecord> {
  const customer = isUuid(id) ? await ctx.loaders.customerById.load(id) : null;
  if (!customer) throw customerError(CustomerErrorCode.CUSTOMER_NOT_FOUND, `No customer ${id}`, field);
  return customer;
}
