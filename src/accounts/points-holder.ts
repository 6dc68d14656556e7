import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Who holds the points a customer earns on purchases and spends on rewards: the pool of their business
 * account when that account pools points, else the customer. One indexed lookup, in the caller's transaction.
 */
export async function pointsHolder(em: EntityManager, customerId: string): Promise<string> {
  const [row] = (await em.execute(
    `select coalesce(a.pool_customer_id, c.id) as holder
       from customer c left join business_account a on a.id = c.business_account_id and a.pool_points
      where c.id = ?`,
    [customerId],
  )) as { holder: string }[];
  return row?.holder ?? customerId;
}
