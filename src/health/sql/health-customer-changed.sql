-- health_customer_changed: a customer whose segments change is judged against other churn thresholds, and a
-- merge or unmerge moves purchases, points and cases between profiles: each marks the profiles concerned (the
-- survivor too) for the scoring job. A merged profile's own score is removed when it is rescored.
-- Read by: HealthScoring.scoreDirty (src/health/health.scoring.ts).
create or replace function health_customer_changed() returns trigger language plpgsql as $$
begin
  insert into health_dirty (tenant_id, customer_id)
  select new.tenant_id, id from (values (new.id), (new.merged_into_id), (old.merged_into_id)) v(id)
   where id is not null;
  return null;
end $$;

create or replace trigger health_customer_changed after update of segments, merged_into_id on customer
  for each row when (old.segments is distinct from new.segments or old.merged_into_id is distinct from new.merged_into_id)
  execute function health_customer_changed();
