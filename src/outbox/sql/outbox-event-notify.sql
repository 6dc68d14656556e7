-- outbox_event_notify: wakes every outbox relay when a transaction that wrote outbox events commits.
-- NOTIFY is delivered at commit and never for a rollback, so a relay woken on channel lg_outbox finds the
-- rows committed. Read by: OutboxRelay (src/outbox/outbox.relay.ts, LISTEN lg_outbox); it also polls, so a
-- missed notification only delays delivery.
create or replace function outbox_event_notify() returns trigger language plpgsql as $$ begin perform pg_notify('lg_outbox', ''); return null; end $$;

create or replace trigger outbox_event_notify after insert on outbox_event for each statement execute function outbox_event_notify();
