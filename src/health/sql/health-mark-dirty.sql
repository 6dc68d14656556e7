-- health_mark_dirty: marks the customers of every purchase, points transaction, survey response, support case
-- and tier status written, so their health score and churn risk are computed again (one statement trigger per
-- table and event, one marker per customer and statement). Markers are append-only rows without a unique key,
-- so a writer never waits on the scoring job that claims them.
-- Read by: HealthScoring.scoreDirty (src/health/health.scoring.ts), which claims markers with SKIP LOCKED and
-- rescores those customers set-based; the gateway's health job runs it every HEALTH_JOBS_INTERVAL_MS.
create or replace function health_mark_dirty() returns trigger language plpgsql as $$
begin
  insert into health_dirty (tenant_id, customer_id)
  select distinct c.tenant_id, c.customer_id from changed c where c.customer_id is not null;
  return null;
end $$;

create or replace trigger health_dirty_purchase_insert after insert on purchase referencing new table as changed
  for each statement execute function health_mark_dirty();
create or replace trigger health_dirty_purchase_update after update on purchase referencing new table as changed
  for each statement execute function health_mark_dirty();
create or replace trigger health_dirty_ledger_insert after insert on ledger_transaction referencing new table as changed
  for each statement execute function health_mark_dirty();
create or replace trigger health_dirty_survey_insert after insert on survey_response referencing new table as changed
  for each statement execute function health_mark_dirty();
create or replace trigger health_dirty_case_insert after insert on support_case referencing new table as changed
  for each statement execute function health_mark_dirty();
create or replace trigger health_dirty_case_update after update on support_case referencing new table as changed
  for each statement execute function health_mark_dirty();
create or replace trigger health_dirty_tier_insert after insert on customer_tier referencing new table as changed
  for each statement execute function health_mark_dirty();
create or replace trigger health_dirty_tier_update after update on customer_tier referencing new table as changed
  for each statement execute function health_mark_dirty();
