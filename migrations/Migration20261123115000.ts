import { Migration } from '@mikro-orm/migrations';

/**
 * A promotion moved from one set of stores or regions to another must reach the tills of both: on UPDATE the
 * event names the union of the old and new restrictions (no restriction on either side: every store).
 */
export class Migration20261123115000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function program_change_outbox() returns trigger language plpgsql as $$
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
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function program_change_outbox() returns trigger language plpgsql as $$
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
  }
}
