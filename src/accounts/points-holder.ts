import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Who holds the points a customer earns on purchases and spends on rewards: the pool of their business
 * account when that account pools points, else the customer. Most customers belong to no account, and
 * cost no query; a member costs one indexed lookup, in the caller's transaction.
 */
export async function pointsHolder(
  em: EntityManager,
  customer: { id: string; businessAccountId?: string | null },
): Promise<string> {
  if (!customer.businessAccountId) return customer.id;
  const [pool] = await em.execute<{ pool_customer_id: string }[]>(
    `select pool_customer_id from business_account where id = ? and pool_points and pool_customer_id is not null`,
    [customer.businessAccountId],
  );
  return pool?.pool_customer_id ?? customer.id;
}
