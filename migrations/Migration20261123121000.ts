import { Migration } from '@mikro-orm/migrations';

/**
 * A survivor's active vouchers include those issued to the profiles merged into it (they stay under the id
 * they were issued to, and remain valid): every channel shows them on the customer they belong to now.
 */
export class Migration20261123121000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function loyalty_snapshot(p_customer uuid) returns jsonb language plpgsql stable as $$
      declare result jsonb;
      begin

        with c as (select id, tenant_id from customer where id = p_customer),
        ct as (select * from customer_tier where customer_id = p_customer),
        held as (
          select t.*, case when g.id is not null then ct.granted_until else ct.period_end end as expires_at, g.id is not null as limited_time
            from c
            left join ct on true
            left join tier q on q.id = ct.tier_id
            left join tier g on g.id = ct.granted_tier_id and ct.granted_until > now() and g.rank > coalesce(q.rank, 0)
            join tier t on t.tenant_id = c.tenant_id and t.id = coalesce(g.id, q.id, (select b.id from tier b where b.tenant_id = c.tenant_id and b.rank = 0))
        )
        select jsonb_build_object(
          'balance', jsonb_build_object(
            'available', coalesce((select available from points_balance where customer_id = p_customer), 0),
            'pending', coalesce((select pending from points_balance where customer_id = p_customer), 0)),
          'tier', (select jsonb_build_object('id', h.id, 'code', h.code, 'name', h.name, 'rank', h.rank, 'expiresAt', h.expires_at, 'limitedTime', h.limited_time) from held h),
          'benefits', coalesce((select jsonb_agg(jsonb_build_object('code', bn.code, 'kind', bn.kind, 'value', bn.value, 'title', bn.title, 'channels', bn.channels) order by bn.code)
                                  from held h join tier bt on bt.tenant_id = h.tenant_id and bt.rank <= h.rank
                                  join benefit bn on bn.tier_id = bt.id and bn.active), '[]'::jsonb),
          'activeVouchers', coalesce((select jsonb_agg(jsonb_build_object('code', v.code, 'rewardId', v.reward_id, 'pointsCost', v.points_cost, 'expiresAt', v.expires_at) order by v.expires_at, v.code)
                                        from voucher v where v.customer_id in (select p_customer union all select m.id from customer m where m.merged_into_id = p_customer)
                                          and v.status = 'ISSUED' and v.expires_at > now()), '[]'::jsonb))
        into result;
        return result;
      end $$`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function loyalty_snapshot(p_customer uuid) returns jsonb language plpgsql stable as $$
      declare result jsonb;
      begin

        with c as (select id, tenant_id from customer where id = p_customer),
        ct as (select * from customer_tier where customer_id = p_customer),
        held as (
          select t.*, case when g.id is not null then ct.granted_until else ct.period_end end as expires_at, g.id is not null as limited_time
            from c
            left join ct on true
            left join tier q on q.id = ct.tier_id
            left join tier g on g.id = ct.granted_tier_id and ct.granted_until > now() and g.rank > coalesce(q.rank, 0)
            join tier t on t.tenant_id = c.tenant_id and t.id = coalesce(g.id, q.id, (select b.id from tier b where b.tenant_id = c.tenant_id and b.rank = 0))
        )
        select jsonb_build_object(
          'balance', jsonb_build_object(
            'available', coalesce((select available from points_balance where customer_id = p_customer), 0),
            'pending', coalesce((select pending from points_balance where customer_id = p_customer), 0)),
          'tier', (select jsonb_build_object('id', h.id, 'code', h.code, 'name', h.name, 'rank', h.rank, 'expiresAt', h.expires_at, 'limitedTime', h.limited_time) from held h),
          'benefits', coalesce((select jsonb_agg(jsonb_build_object('code', bn.code, 'kind', bn.kind, 'value', bn.value, 'title', bn.title, 'channels', bn.channels) order by bn.code)
                                  from held h join tier bt on bt.tenant_id = h.tenant_id and bt.rank <= h.rank
                                  join benefit bn on bn.tier_id = bt.id and bn.active), '[]'::jsonb),
          'activeVouchers', coalesce((select jsonb_agg(jsonb_build_object('code', v.code, 'rewardId', v.reward_id, 'pointsCost', v.points_cost, 'expiresAt', v.expires_at) order by v.expires_at, v.code)
                                        from voucher v where v.customer_id = p_customer and v.status = 'ISSUED' and v.expires_at > now()), '[]'::jsonb))
        into result;
        return result;
      end $$`);
  }
}
