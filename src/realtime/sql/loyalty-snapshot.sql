-- loyalty_snapshot(customer): the loyalty state every channel of a customer shows, as of now, as JSON:
-- balance (available, pending); the tier held (a limited-time grant while it runs and outranks the
-- qualified tier, else the qualified tier, else the rank-0 tier; null while the program has none); the
-- active benefits of that tier and every lower one; the vouchers still usable, those issued to profiles
-- merged into this one included.
-- Read by: loyalty_state_touch (each version, into the outbox as LOYALTY_STATE_CHANGED) and
-- LoyaltyStateService.current (the state a subscription starts from); both reach clients through
-- toLoyaltyState, which reads it as StatePayload (src/realtime/loyalty-state.types.ts).
-- PL/pgSQL, not SQL: called from the commit-time trigger, a SQL function is planned anew on every call;
-- PL/pgSQL keeps its plan for the session.
create or replace function loyalty_snapshot(p_customer uuid) returns jsonb language plpgsql stable as $$
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
end $$;
