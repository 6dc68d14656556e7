-- program_config_touch: versions a tenant's program configuration (what purchase evaluation reads: the earn
-- rate and pending days, the time zone, tiers, benefits, earning rules, stores) once per transaction (the txid
-- check), and writes the new version to the outbox as PROGRAM_CONFIG_CHANGED, routed to every instance.
-- A rule's budget_used moves with every sale and is read live, so it moves no version.
-- Read by: ProgramConfigCache (src/program/program-config.ts), which drops a tenant's cached configuration on
-- the event; a purchase booking checks program_config_version against the version it evaluated with, so a
-- missed event costs a reload, never a stale booking.
create or replace function program_config_touch() returns trigger language plpgsql as $$
declare
  subject jsonb := to_jsonb(case when tg_op = 'DELETE' then old else new end);
  owner uuid := (case when tg_table_name = 'tenant' then subject->>'id' else subject->>'tenant_id' end)::uuid;
  next bigint;
begin
  insert into program_config_version as v (tenant_id, version, txid)
  values (owner, 1, txid_current())
  on conflict (tenant_id) do update set version = v.version + 1, txid = excluded.txid where v.txid <> excluded.txid
  returning version into next;
  if next is null then return null; end if;
  insert into outbox_event (tenant_id, topic, routing_key, payload, created_at)
  values (owner, 'PROGRAM_CONFIG_CHANGED', 'every-instance', jsonb_build_object('tenantId', owner, 'version', next), now());
  return null;
end $$;

-- Row triggers: PostgreSQL allows no transition tables on UPDATE OF column lists.
create or replace trigger program_config_tier after insert or update or delete on tier
  for each row execute function program_config_touch();

create or replace trigger program_config_benefit after insert or update or delete on benefit
  for each row execute function program_config_touch();

create or replace trigger program_config_settings after insert or update or delete on program_settings
  for each row execute function program_config_touch();

create or replace trigger program_config_store after insert or update or delete on store
  for each row execute function program_config_touch();

create or replace trigger program_config_tenant after update of timezone on tenant
  for each row when (old.timezone is distinct from new.timezone) execute function program_config_touch();

create or replace trigger program_config_rule after insert or delete on earning_rule
  for each row execute function program_config_touch();

create or replace trigger program_config_rule_update after update on earning_rule
  for each row when ((to_jsonb(old) - 'budget_used') is distinct from (to_jsonb(new) - 'budget_used'))
  execute function program_config_touch();
