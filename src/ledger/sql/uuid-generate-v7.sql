-- uuid_generate_v7(): time-ordered UUIDs (RFC 9562 version 7) for ledger, timeline and voucher rows, so
-- their primary keys and the indexes that reference them grow at the right-hand edge instead of splitting
-- random pages: write speed then does not fall as the tables grow. PostgreSQL 18 has uuidv7(); 15 does not.
-- The 12 bits after the millisecond hold its fraction (RFC 9562 method 3): rows one session writes within a
-- millisecond (a merge's events, written in one transaction at one occurred_at) keep the order they were written.
-- Called by: the SQL inserts of the ledger (ledger.service, ledger.jobs), timeline, rewards and tier jobs.
create or replace function uuid_generate_v7() returns uuid language sql volatile as $$
  select encode(
    substring(int8send(floor(t.ms)::bigint) from 3)
      || int2send((28672 + floor((t.ms - floor(t.ms)) * 4096))::smallint)
      || substring(uuid_send(gen_random_uuid()) from 9),
    'hex')::uuid
    from (select extract(epoch from clock_timestamp()) * 1000 as ms) t
$$;
