import { requireTenant } from '../shared/auth/guards';
import type { Channel } from '../shared/channel';
import type { Context } from '../shared/context';
import { inputError, InputErrorCode } from '../shared/errors';
import type { ChannelSwitch, ChannelSwitchCount } from './timeline.types';

/**
 * A customer who moves from one channel to another within a short time (the web site, then the phone)
 * often did not get what they needed on the first: a friction signal. Both reads are one window-function
 * statement over the timeline; API (back-end) events are not a customer's channel and are left out.
 */
export class ChannelSwitchService {
  async forCustomer(ctx: Context, customerId: string, withinHours: number, limit: number): Promise<ChannelSwitch[]> {
    const tenantId = requireTenant(ctx);
    const hours = this.hours(withinHours);
    const rows = await ctx.em.execute<SwitchRow[]>(
      `select * from (
         select lag(channel) over w as from_channel, lag(kind) over w as from_kind, lag(occurred_at) over w as from_at, lag(summary) over w as from_summary,
                channel as to_channel, kind as to_kind, occurred_at as to_at, summary as to_summary
           from timeline_event
          where tenant_id = ? and customer_id = ? and channel is not null and channel <> 'API'
         window w as (order by occurred_at, id)
       ) steps
       where from_channel is not null and from_channel <> to_channel and to_at - from_at <= make_interval(hours => ?)
       order by to_at desc limit ?`,
      [tenantId, customerId, hours, limit],
    );
    return rows.map((row) => ({
      from: { channel: row.from_channel, kind: row.from_kind, at: new Date(row.from_at), summary: row.from_summary },
      to: { channel: row.to_channel, kind: row.to_kind, at: new Date(row.to_at), summary: row.to_summary },
      minutesBetween: Math.round((new Date(row.to_at).getTime() - new Date(row.from_at).getTime()) / 60_000),
    }));
  }

  /** Switches across the tenant since a date, by pair of channels, with how many customers made them. */
  async summary(ctx: Context, withinHours: number, since: Date): Promise<ChannelSwitchCount[]> {
    const tenantId = requireTenant(ctx);
    const hours = this.hours(withinHours);
    if (Number.isNaN(since.getTime())) throw inputError(InputErrorCode.INVALID, 'since is not a date', 'since');
    const rows = await ctx.em.execute<
      { from_channel: Channel; to_channel: Channel; switches: number; customers: number }[]
    >(
      `select from_channel, to_channel, count(*)::int as switches, count(distinct customer_id)::int as customers
         from (
           select customer_id, lag(channel) over w as from_channel, lag(occurred_at) over w as from_at, channel as to_channel, occurred_at as to_at
             from timeline_event
            where tenant_id = ? and occurred_at >= ?::timestamptz - make_interval(hours => ?) and channel is not null and channel <> 'API'
           window w as (partition by customer_id order by occurred_at, id)
         ) steps
        where from_channel is not null and from_channel <> to_channel and to_at >= ?::timestamptz and to_at - from_at <= make_interval(hours => ?)
        group by from_channel, to_channel
        order by switches desc, from_channel, to_channel`,
      [tenantId, since, hours, since, hours],
    );
    return rows.map((row) => ({
      from: row.from_channel,
      to: row.to_channel,
      switches: row.switches,
      customers: row.customers,
    }));
  }

  private hours(value: number): number {
    if (!Number.isInteger(value) || value < 1 || value > 24 * 90)
      throw inputError(InputErrorCode.INVALID, 'withinHours must be from 1 to 2160', 'withinHours');
    return value;
  }
}

interface SwitchRow {
  from_channel: Channel;
  from_kind: string;
  from_at: Date;
  from_summary: string;
  to_channel: Channel;
  to_kind: string;
  to_at: Date;
  to_summary: string;
}
