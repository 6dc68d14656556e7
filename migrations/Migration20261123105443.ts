import { Migration } from '@mikro-orm/migrations';

export class Migration20261123105443 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "loyalty_state_version" ("customer_id" uuid not null, "tenant_id" uuid not null, "version" bigint not null, "txid" bigint not null, constraint "loyalty_state_version_pkey" primary key ("customer_id"));`);

    this.addSql(`alter table "outbox_event" add column "customer_id" uuid null, add column "version" bigint null;`);
    this.addSql(`create index "outbox_event_published_idx" on "outbox_event" ("published_at") where "published_at" is not null;`);
    this.addSql(`create index "outbox_event_customer_version_idx" on "outbox_event" ("customer_id", "version") where "customer_id" is not null;`);

    // Hand-written: the loyalty state a customer's channels see, and the triggers that version it.
    // A customer's state as of now: balance, the tier held (limited-time status while it runs and outranks
    // the qualified tier), the benefits of that tier and every lower one, and the vouchers still usable.
    this.addSql(`create function loyalty_snapshot(p_customer uuid) returns jsonb language sql stable as $$
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
    $$;`);
    // Deferred to commit, so the state written is the transaction's final one, and once per customer per
    // transaction (the txid check): a purchase that earns and upgrades is one new version, not two.
    this.addSql(`create function loyalty_state_touch() returns trigger language plpgsql as $$
      declare
        subject uuid := case when tg_op = 'DELETE' then old.customer_id else new.customer_id end;
        owner uuid;
        next bigint;
      begin
        insert into loyalty_state_version as s (customer_id, tenant_id, version, txid)
        select c.id, c.tenant_id, 1, txid_current() from customer c where c.id = subject
        on conflict (customer_id) do update set version = s.version + 1, txid = excluded.txid where s.txid <> excluded.txid
        returning version, tenant_id into next, owner;
        if next is null then return null; end if;
        insert into outbox_event (tenant_id, topic, routing_key, payload, created_at, customer_id, version)
        values (owner, 'LOYALTY_STATE_CHANGED', owner || ':' || subject,
                loyalty_snapshot(subject) || jsonb_build_object('customerId', subject, 'version', next, 'changedAt', now()),
                now(), subject, next);
        return null;
      end $$;`);
    this.addSql(`create constraint trigger loyalty_state_balance after insert or update on points_balance
      deferrable initially deferred for each row execute function loyalty_state_touch();`);
    this.addSql(`create constraint trigger loyalty_state_tier after insert or update or delete on customer_tier
      deferrable initially deferred for each row execute function loyalty_state_touch();`);
    this.addSql(`create constraint trigger loyalty_state_voucher after insert or update of status on voucher
      deferrable initially deferred for each row execute function loyalty_state_touch();`);

    // Every timeline event reaches agent desktops (timelineEventAdded), routed to the customer it shows under.
    this.addSql(`create function timeline_event_outbox() returns trigger language plpgsql as $$
      begin
        insert into outbox_event (tenant_id, topic, routing_key, payload, created_at)
        select a.tenant_id, 'TIMELINE_EVENT_ADDED', a.tenant_id || ':' || coalesce(c.merged_into_id, a.customer_id),
               jsonb_build_object('id', a.id, 'customerId', a.customer_id, 'kind', a.kind, 'source', a.source, 'sourceEventId', a.source_event_id,
                 'channel', a.channel, 'actor', a.actor, 'occurredAt', a.occurred_at, 'summary', a.summary, 'data', a.data,
                 'refType', a.ref_type, 'refId', a.ref_id),
               now()
          from added a join customer c on c.id = a.customer_id
         order by a.occurred_at, a.id;
        return null;
      end $$;`);
    this.addSql(`create trigger timeline_event_outbox after insert on timeline_event referencing new table as added
      for each statement execute function timeline_event_outbox();`);

    // Program changes a till must pick up (benefitsChanged): tiers, benefits, rewards and promotions.
    // Reward stock and rule budgets move with every sale; only changes to what is offered count.
    this.addSql(`create function program_change_outbox() returns trigger language plpgsql as $$
      declare
        subject jsonb := to_jsonb(case when tg_op = 'DELETE' then old else new end);
      begin
        insert into outbox_event (tenant_id, topic, routing_key, payload, created_at)
        values ((subject->>'tenant_id')::uuid, 'PROGRAM_CHANGED', subject->>'tenant_id',
                jsonb_build_object('kind', tg_argv[0], 'id', subject->>'id', 'code', subject->>'code', 'operation', tg_op,
                  'storeIds', coalesce(subject->'store_ids', '[]'::jsonb), 'regions', coalesce(subject->'regions', '[]'::jsonb), 'changedAt', now()),
                now());
        return null;
      end $$;`);
    this.addSql(`create trigger program_change_tier after insert or update or delete on tier for each row execute function program_change_outbox('TIER');`);
    this.addSql(`create trigger program_change_benefit after insert or update or delete on benefit for each row execute function program_change_outbox('BENEFIT');`);
    this.addSql(`create trigger program_change_reward after insert or delete or update of status, points_cost, channels, valid_from, valid_until, eligible_tier_ids, name, stock
      on reward for each row execute function program_change_outbox('REWARD');`);
    this.addSql(`create trigger program_change_rule after insert or delete or update of active, priority, stacking, effect, value, channels, store_ids, regions, skus,
      categories, tier_ids, segments, days_of_week, min_spend, starts_at, ends_at, cap_per_purchase, cap_per_customer, customer_cap_period, budget
      on earning_rule for each row execute function program_change_outbox('PROMOTION');`);
  }

  override async down(): Promise<void> {
    for (const [trigger, table] of [['loyalty_state_balance', 'points_balance'], ['loyalty_state_tier', 'customer_tier'], ['loyalty_state_voucher', 'voucher'],
      ['timeline_event_outbox', 'timeline_event'], ['program_change_tier', 'tier'], ['program_change_benefit', 'benefit'], ['program_change_reward', 'reward'],
      ['program_change_rule', 'earning_rule']]) {
      this.addSql(`drop trigger if exists "${trigger}" on "${table}";`);
    }
    this.addSql(`drop function if exists loyalty_state_touch(); drop function if exists loyalty_snapshot(uuid);`);
    this.addSql(`drop function if exists timeline_event_outbox(); drop function if exists program_change_outbox();`);
    this.addSql(`drop table if exists "loyalty_state_version" cascade;`);

    this.addSql(`drop index "outbox_event_published_idx";`);
    this.addSql(`drop index "outbox_event_customer_version_idx";`);
    this.addSql(`alter table "outbox_event" drop column "customer_id", drop column "version";`);
  }

}
