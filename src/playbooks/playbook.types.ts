import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { StateSource } from '../realtime/loyalty-state.types';
import { ConnectionType } from '../shared/graphql/connection';
import { SignalType } from '../signals/signal.types';
import { ActionOutcome, PlaybookActionType, ReminderChannel } from './playbook.logic';

registerEnumType(PlaybookActionType, {
  name: 'PlaybookActionType',
  description: 'What a playbook does when it fires.',
  valuesConfig: {
    OPEN_CASE: { description: 'Opens a support case (`subject`, optional `topic`), routed like any other.' },
    ALERT_TEAM: {
      description:
        "Alerts a team on the agent desktop (`message`; `teamId`, or the team of the firing's case): the teamAlert subscription.",
    },
    GRANT_GOODWILL: {
      description:
        "Grants goodwill `points`, or extends the customer's tier status by `statusDays`, with an AGENT's limits: above them it waits for a supervisor.",
    },
    SEND_REMINDER: {
      description:
        'Sends the customer a reminder (`templateCode`, `channel`) through the notifier; needs MARKETING consent.',
    },
  },
});

registerEnumType(ReminderChannel, {
  name: 'ReminderChannel',
  description: 'How a reminder reaches the customer.',
  valuesConfig: {
    EMAIL: { description: 'To the email address on the profile.' },
    SMS: { description: 'To the phone number on the profile.' },
    PUSH: { description: "To the customer's app, by customer id." },
  },
});

registerEnumType(ActionOutcome, {
  name: 'PlaybookActionOutcome',
  description: 'What became of an action of a playbook firing.',
  valuesConfig: {
    DONE: { description: 'Done (a reminder: handed to the notifier after the firing committed).' },
    PENDING_APPROVAL: { description: "Goodwill above the AGENT role's limit: it waits for a supervisor's approval." },
    SKIPPED_NO_CONSENT: { description: 'A reminder to a customer without MARKETING consent: nothing was sent.' },
    FAILED: { description: 'Not done; `reason` says why. A firing is never retried.' },
  },
});

export enum ReminderDelivery {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  SENT = 'SENT',
  UNDELIVERED = 'UNDELIVERED',
}

registerEnumType(ReminderDelivery, {
  name: 'ReminderDelivery',
  description: 'Where a reminder is on its way to the customer.',
  valuesConfig: {
    PENDING: { description: 'Committed, not yet handed to the notifier.' },
    SENDING: { description: 'Handed to the notifier, which has not answered yet.' },
    SENT: { description: 'The notifier took it.' },
    UNDELIVERED: { description: 'The notifier gave up; it is not sent again.' },
  },
});

@InputType({ description: 'One action of a playbook; set only the parameters of its type.' })
export class PlaybookActionInput {
  @Field(() => PlaybookActionType, { description: 'What to do.' })
  type!: PlaybookActionType;

  @Field(() => String, { nullable: true, description: "OPEN_CASE: the case's subject, 1 to 200 characters." })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: 'OPEN_CASE: the topic the case is routed by (optional).' })
  topic?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "ALERT_TEAM: the team to alert, a team of the tenant; omitted: the team of the case this firing opened, or of the signal's case.",
  })
  teamId?: string | null;

  @Field(() => String, { nullable: true, description: 'ALERT_TEAM: what the team reads, 1 to 500 characters.' })
  message?: string | null;

  @Field(() => Int, { nullable: true, description: 'GRANT_GOODWILL: points to grant, 1 to 1,000,000.' })
  points?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "GRANT_GOODWILL: days to extend the customer's current tier status by, 1 to 365 (instead of points).",
  })
  statusDays?: number | null;

  @Field(() => String, { nullable: true, description: 'GRANT_GOODWILL: why, kept with the grant.' })
  reason?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'SEND_REMINDER: the template the messaging service renders (letters, digits, . _ : -).',
  })
  templateCode?: string | null;

  @Field(() => ReminderChannel, { nullable: true, description: 'SEND_REMINDER: how the reminder goes out.' })
  channel?: ReminderChannel | null;
}

@InputType({ description: 'A playbook: the signal it acts on, the customers it applies to, and what it does.' })
export class PlaybookInput {
  @Field({ description: 'Short code, unique within the tenant (letters, digits, - and _; upper-cased).' })
  code!: string;

  @Field({ description: 'The name staff see, 1 to 200 characters.' })
  name!: string;

  @Field(() => SignalType, { description: 'The signal it acts on.' })
  signal!: SignalType;

  @Field(() => String, {
    nullable: true,
    description:
      "EVENT_INGESTED only, and required there: the ingested event's type (`data.type`, e.g. order.cancelled) or kind (e.g. BILLING), case-insensitive.",
  })
  eventType?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Only customers in one of these segments (at most 50); empty or omitted: any customer.',
  })
  segments?: string[] | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Only customers whose tier (limited-time status included) ranks at least this, 0 to 1000; omitted: any.',
  })
  minTierRank?: number | null;

  @Field(() => [PlaybookActionInput], { description: 'What it does, in order: 1 to 10 actions.' })
  actions!: PlaybookActionInput[];

  @Field({
    description:
      'A retry with the same key and input returns the playbook as it is now, without a second change; the same key with other input, or from another caller, is a CONFLICT.',
  })
  idempotencyKey!: string;
}

@ObjectType({ description: 'One action of a playbook, with the parameters of its type.' })
export class PlaybookAction {
  @Field(() => PlaybookActionType, { description: 'What it does.' })
  type!: PlaybookActionType;

  @Field(() => String, { nullable: true, description: "OPEN_CASE: the case's subject." })
  subject?: string;

  @Field(() => String, { nullable: true, description: 'OPEN_CASE: the topic.' })
  topic?: string;

  @Field(() => ID, { nullable: true, description: "ALERT_TEAM: the team; null: the firing's case's team." })
  teamId?: string;

  @Field(() => String, { nullable: true, description: 'ALERT_TEAM: the message.' })
  message?: string;

  @Field(() => Int, { nullable: true, description: 'GRANT_GOODWILL: points.' })
  points?: number;

  @Field(() => Int, { nullable: true, description: 'GRANT_GOODWILL: days of tier status extension.' })
  statusDays?: number;

  @Field(() => String, { nullable: true, description: 'GRANT_GOODWILL: why.' })
  reason?: string;

  @Field(() => String, { nullable: true, description: 'SEND_REMINDER: the template.' })
  templateCode?: string;

  @Field(() => ReminderChannel, { nullable: true, description: 'SEND_REMINDER: the channel.' })
  channel?: ReminderChannel;
}

@ObjectType({ description: 'A tenant-defined response to a customer signal.' })
export class Playbook {
  @Field(() => ID, { description: 'Unique id.' })
  id!: string;

  @Field({ description: 'Short code, unique within the tenant.' })
  code!: string;

  @Field({ description: 'The name staff see.' })
  name!: string;

  @Field(() => SignalType, { description: 'The signal it acts on.' })
  signal!: SignalType;

  @Field(() => String, { nullable: true, description: 'EVENT_INGESTED: the event type it matches.' })
  eventType?: string;

  @Field(() => [String], { description: 'Only customers in one of these segments; empty: any.' })
  segments!: string[];

  @Field(() => Int, { nullable: true, description: 'Only customers whose tier ranks at least this; null: any.' })
  minTierRank?: number;

  @Field(() => [PlaybookAction], { description: 'What it does, in order.' })
  actions!: PlaybookAction[];

  @Field({ description: 'False once retired: it fires no more.' })
  active!: boolean;

  @Field(() => Int, { description: 'Increases by one with every change; each firing records the version it ran.' })
  version!: number;

  @Field({ description: 'When it was created: it acts on signals raised from then on.' })
  createdAt!: Date;

  @Field({ description: 'When it last changed.' })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was retired; null while active.' })
  retiredAt?: Date;
}

@ObjectType({ description: 'What one action of a firing did.' })
export class PlaybookActionResult {
  @Field(() => PlaybookActionType, { description: 'The action.' })
  type!: PlaybookActionType;

  @Field(() => ActionOutcome, { description: 'What became of it.' })
  outcome!: ActionOutcome;

  @Field(() => String, { nullable: true, description: 'Why it was skipped or failed; null when done.' })
  reason?: string;

  @Field(() => String, {
    nullable: true,
    description: 'What it made: support_case, goodwill, team_alert or reminder; null when nothing.',
  })
  refType?: string;

  @Field(() => String, {
    nullable: true,
    description: "That record's id (a team alert: its version on the team's stream).",
  })
  refId?: string;

  @Field(() => ReminderDelivery, { nullable: true, description: 'SEND_REMINDER: where the reminder is now.' })
  delivery?: ReminderDelivery;
}

@ObjectType({
  description: 'A playbook acting on one signal: once per playbook and signal, with what each action did.',
})
export class PlaybookFiring {
  @Field(() => ID, { description: 'Unique id.' })
  id!: string;

  @Field(() => ID, { description: 'The playbook.' })
  playbookId!: string;

  @Field({ description: "The playbook's code." })
  playbookCode!: string;

  @Field(() => Int, { description: 'The version of the playbook that ran.' })
  playbookVersion!: number;

  @Field(() => ID, { description: 'The customer it acted for (the surviving profile, after a merge).' })
  customerId!: string;

  @Field(() => SignalType, { description: 'The signal.' })
  signal!: SignalType;

  @Field({ description: 'What caused the signal (a response id, a case and deadline, a source and event id...).' })
  cause!: string;

  @Field(() => ActionOutcome, {
    description: 'The least complete of its actions: FAILED, then PENDING_APPROVAL, SKIPPED_NO_CONSENT, DONE.',
  })
  outcome!: ActionOutcome;

  @Field(() => [PlaybookActionResult], { description: 'Each action, in order.' })
  actions!: PlaybookActionResult[];

  @Field({ description: 'When it fired.' })
  firedAt!: Date;
}

export const PlaybookFiringConnection = ConnectionType('PlaybookFiring', PlaybookFiring);
export type PlaybookFiringConnection = InstanceType<typeof PlaybookFiringConnection>;

@InputType({ description: 'Which firings to list; every condition given must match.' })
export class PlaybookFiringFilter {
  @Field(() => ID, { nullable: true, description: 'Only for this customer.' })
  customerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only of this playbook.' })
  playbookId?: string | null;

  @Field(() => SignalType, { nullable: true, description: 'Only on this signal.' })
  signal?: SignalType | null;

  @Field(() => ActionOutcome, { nullable: true, description: 'Only with this outcome.' })
  outcome?: ActionOutcome | null;
}

@ObjectType({ description: 'A playbook alerting a team on the agent desktop about a customer.' })
export class TeamAlert {
  @Field(() => Int, { description: "1, 2, 3... on the team's alert stream; resubscribe with it as sinceVersion." })
  version!: number;

  @Field(() => StateSource, { description: 'MISSED (replayed after sinceVersion) or LIVE.' })
  source!: StateSource;

  @Field(() => ID, { description: 'The team alerted.' })
  teamId!: string;

  @Field(() => ID, { description: 'The customer concerned.' })
  customerId!: string;

  @Field(() => ID, { description: 'The playbook that alerted.' })
  playbookId!: string;

  @Field({ description: "The playbook's name." })
  playbookName!: string;

  @Field(() => ID, { description: 'The firing: playbookFirings shows what else it did.' })
  firingId!: string;

  @Field(() => SignalType, { description: 'The signal it acted on.' })
  signal!: SignalType;

  @Field(() => ID, { nullable: true, description: "The case concerned (opened by the firing, or the signal's)." })
  caseId?: string;

  @Field({ description: "The playbook's message." })
  message!: string;

  @Field({ description: 'When the alert was raised.' })
  alertedAt!: Date;
}
