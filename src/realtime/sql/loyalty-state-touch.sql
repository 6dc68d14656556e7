-- loyalty_state_touch: versions a customer's loyalty state when their balance, tier or vouchers change, and
-- writes that version (loyalty_snapshot plus customerId, version, changedAt) to the outbox as
-- LOYALTY_STATE_CHANGED, routed to tenant:customer.
-- Deferred to commit, so the state written is the transaction's final one, and once per customer per
-- transaction (the txid check): a purchase that earns and upgrades is one new version, not two.
-- Read by: the outbox relay, which publishes it to loyaltyStateChanged subscribers; LoyaltyStateService
-- reads versions back from the outbox for clients that missed some (loyalty_state_version holds the last).
create or replace function loyalty_state_touch() returns trigger language plpgsql as $$
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
end $$;

-- Constraint triggers (for "initially deferred") cannot be created "or replace": dropped and created again.
drop trigger if exists loyalty_state_balance on points_balance;
create constraint trigger loyalty_state_balance after insert or update on points_balance
  deferrable initially deferred for each row execute function loyalty_state_touch();

drop trigger if exists loyalty_state_tier on customer_tier;
create constraint trigger loyalty_state_tier after insert or update or delete on customer_tier
  deferrable initially deferred for each row execute function loyalty_state_touch();

drop trigger if exists loyalty_state_voucher on voucher;
create constraint trigger loyalty_state_voucher after insert or update of status on voucher
  deferrable initially deferred for each row execute function loyalty_state_touch();
