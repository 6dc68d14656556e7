-- program_change_outbox(kind): program changes a till must pick up (tiers, benefits, rewards, promotions),
-- into the outbox as PROGRAM_CHANGED, routed to the tenant. A change moving a promotion from some stores or
-- regions to others names the union of both (no restriction on either side: every store), so the tills of
-- both refetch. Reward stock and rule budgets move with every sale; only changes to what is offered count.
-- Read by: the outbox relay, which publishes it to benefitsChanged subscribers (tills), typed as
-- ProgramChangePayload (src/realtime/realtime.types.ts) and filtered per store by program-change.logic.
create or replace function program_change_outbox() returns trigger language plpgsql as $$
declare
  subject jsonb := to_jsonb(case when tg_op = 'DELETE' then old else new end);
  before jsonb := case when tg_op = 'UPDATE' then to_jsonb(old) else null end;
  store_ids jsonb := coalesce(subject->'store_ids', '[]'::jsonb);
  regions jsonb := coalesce(subject->'regions', '[]'::jsonb);
begin
  if before is not null then
    store_ids := case when store_ids = '[]'::jsonb or coalesce(before->'store_ids', '[]'::jsonb) = '[]'::jsonb then '[]'::jsonb
                      else (select jsonb_agg(distinct v) from jsonb_array_elements(store_ids || (before->'store_ids')) v) end;
    regions := case when regions = '[]'::jsonb or coalesce(before->'regions', '[]'::jsonb) = '[]'::jsonb then '[]'::jsonb
                    else (select jsonb_agg(distinct v) from jsonb_array_elements(regions || (before->'regions')) v) end;
  end if;
  insert into outbox_event (tenant_id, topic, routing_key, payload, created_at)
  values ((subject->>'tenant_id')::uuid, 'PROGRAM_CHANGED', subject->>'tenant_id',
          jsonb_build_object('kind', tg_argv[0], 'id', subject->>'id', 'code', subject->>'code', 'operation', tg_op,
            'storeIds', store_ids, 'regions', regions, 'changedAt', now()),
          now());
  return null;
end $$;

create or replace trigger program_change_tier after insert or update or delete on tier
  for each row execute function program_change_outbox('TIER');

create or replace trigger program_change_benefit after insert or update or delete on benefit
  for each row execute function program_change_outbox('BENEFIT');

create or replace trigger program_change_reward after insert or delete or update of status, points_cost, channels, valid_from, valid_until, eligible_tier_ids, name, stock
  on reward for each row execute function program_change_outbox('REWARD');

create or replace trigger program_change_rule after insert or delete or update of active, priority, stacking, effect, value, channels, store_ids, regions, skus,
  categories, tier_ids, segments, days_of_week, min_spend, starts_at, ends_at, cap_per_purchase, cap_per_customer, customer_cap_period, budget
  on earning_rule for each row execute function program_change_outbox('PROMOTION');
