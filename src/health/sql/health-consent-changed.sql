-- health_consent_changed: a customer who opts out of PROFILING loses their stored health score and churn risk
-- in the same transaction (nothing profiles them from then on); any change of that choice marks them for the
-- scoring job, which scores them again once they opt back in. A score locked by a scoring run under way is left
-- (SKIP LOCKED), so a consent change never waits for the run: the reads check consent anyway, and the marker
-- has the next run remove it.
-- Read by: the health reads (Customer.health, Customer.churnRisk, atRiskCustomers) and HealthScoring.scoreDirty.
create or replace function health_consent_changed() returns trigger language plpgsql as $$
begin
  if new.purpose = 'PROFILING' then
    if not new.granted then
      delete from health_score where customer_id in (
        select customer_id from health_score where customer_id = new.customer_id for update skip locked);
    end if;
    insert into health_dirty (tenant_id, customer_id) values (new.tenant_id, new.customer_id);
  end if;
  return null;
end $$;

create or replace trigger health_consent_changed after insert or update on customer_consent
  for each row execute function health_consent_changed();
