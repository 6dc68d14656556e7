-- timeline_event_outbox: every timeline event inserted, whichever code path wrote it, into the outbox as
-- TIMELINE_EVENT_ADDED, routed to tenant:customer for the customer it shows under (the survivor, for a
-- merged profile).
-- Read by: the outbox relay, which publishes it to timelineEventAdded subscribers (agent desktops), typed as
-- TimelinePayload (src/realtime/realtime.resolver.ts).
create or replace function timeline_event_outbox() returns trigger language plpgsql as $$
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
end $$;

create or replace trigger timeline_event_outbox after insert on timeline_event referencing new table as added
  for each statement execute function timeline_event_outbox();
