-- uuid_generate_v7(): time-ordered UUIDs (RFC 9562 version 7) for ledger, timeline and voucher rows, so
-- their primary keys and the indexes that reference them grow at the right-hand edge instead of splitting
-- random pages: write speed then does not fall as the tables grow. PostgreSQL 18 has uuidv7(); 15 does not.
-- Called by: the SQL inserts of the ledger (ledger.service, ledger.jobs), timeline, rewards and tier jobs.
create or replace function uuid_generate_v7() returns uuid language sql volatile as $$
  select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing
    substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid
$$;
