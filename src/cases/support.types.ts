import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { StaffRole } from '../shared/auth/roles';
import { Channel } from '../shared/channel';
import { CasePriority } from './case.logic';

@ObjectType({ description: 'A support team: a queue of cases, its supervisor, and where its cases escalate to.' })
export class SupportTeam {
  @Field(() => ID, { description: "The team's id." })
  id!: string;

  @Field({ description: 'Unique within the tenant, e.g. FRONT-LINE.' })
  code!: string;

  @Field({ description: 'Its name.' })
  name!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The next level of the routing path: cases escalate to this team. Null at the top.',
  })
  escalationTeamId?: string;

  @Field({ nullable: true, description: "Who leads the team (a name, or the supervisor's API key id)." })
  supervisor?: string;

  @Field({ description: 'When it was created.' })
  createdAt!: Date;
}

@InputType({ description: 'A new support team.' })
export class CreateSupportTeamInput {
  @Field({ description: 'Unique within the tenant; letters, digits, - and _, up to 50 characters.' })
  code!: string;

  @Field({ description: 'Its name, up to 200 characters.' })
  name!: string;

  @Field(() => ID, { nullable: true, description: 'The team its cases escalate to.' })
  escalationTeamId?: string;

  @Field({ nullable: true, description: 'Who leads the team.' })
  supervisor?: string;

  @Field({
    description:
      'A retry with the same key and input returns the first answer as it is now, without a second change; the same key with other input, or from another caller, is a CONFLICT.',
  })
  idempotencyKey!: string;
}

@InputType({ description: 'Changes to a team; a field left out keeps its value, an empty supervisor clears it.' })
export class UpdateSupportTeamInput {
  @Field({ nullable: true, description: 'Its new name.' })
  name?: string;

  @Field(() => ID, { nullable: true, description: 'The team its cases escalate to (a path must not loop).' })
  escalationTeamId?: string;

  @Field({ nullable: true, description: 'True: its cases escalate nowhere (it is the top of its path).' })
  clearEscalationTeam?: boolean;

  @Field({ nullable: true, description: 'Who leads the team; an empty string clears it.' })
  supervisor?: string;

  @Field({
    description:
      'A retry with the same key and input returns the first answer as it is now, without a second change; the same key with other input, or from another caller, is a CONFLICT.',
  })
  idempotencyKey!: string;
}

@ObjectType({
  description: 'A routing rule: a case whose facts match every condition given goes to the team. First match wins.',
})
export class RoutingRule {
  @Field(() => Int, { description: 'Its place in the list, from 1: rules are tried in this order.' })
  position!: number;

  @Field(() => ID, { description: 'The team a matching case goes to.' })
  teamId!: string;

  @Field(() => ID, { nullable: true, description: "The case's store." })
  storeId?: string;

  @Field({ nullable: true, description: "The region of the case's store." })
  region?: string;

  @Field(() => Channel, { nullable: true, description: "The case's channel." })
  channel?: Channel;

  @Field(() => ID, { nullable: true, description: 'The tier the customer holds when the case opens.' })
  tierId?: string;

  @Field({ nullable: true, description: "The case's topic (lower case)." })
  topic?: string;
}

@InputType({ description: 'One routing rule; conditions left out match anything.' })
export class RoutingRuleInput {
  @Field(() => ID, { description: 'The team a matching case goes to.' })
  teamId!: string;

  @Field(() => ID, { nullable: true, description: "The case's store." })
  storeId?: string;

  @Field({ nullable: true, description: "The region of the case's store." })
  region?: string;

  @Field(() => Channel, { nullable: true, description: "The case's channel." })
  channel?: Channel;

  @Field(() => ID, { nullable: true, description: 'The tier the customer holds.' })
  tierId?: string;

  @Field({ nullable: true, description: "The case's topic (compared in lower case)." })
  topic?: string;
}

@ObjectType({ description: 'The deadlines of a priority, in calendar minutes from the opening of a case.' })
export class SlaPolicy {
  @Field(() => CasePriority, { description: 'The priority.' })
  priority!: CasePriority;

  @Field(() => Int, { description: 'Minutes to the first response.' })
  firstResponseMinutes!: number;

  @Field(() => Int, { description: 'Minutes to the resolution.' })
  resolutionMinutes!: number;

  @Field({ description: "True while the tenant has not set its own (the gateway's default applies)." })
  isDefault!: boolean;
}

@InputType({ description: 'The deadlines of a priority.' })
export class SlaPolicyInput {
  @Field(() => CasePriority, { description: 'The priority.' })
  priority!: CasePriority;

  @Field(() => Int, { description: 'Minutes to the first response, 1 to 525600.' })
  firstResponseMinutes!: number;

  @Field(() => Int, { description: 'Minutes to the resolution, at least the first response, at most 525600.' })
  resolutionMinutes!: number;
}

@ObjectType({ description: "The priority a tier's members' cases get." })
export class TierPriority {
  @Field(() => ID, { description: 'The tier.' })
  tierId!: string;

  @Field(() => CasePriority, { description: 'Its priority.' })
  priority!: CasePriority;
}

@InputType({ description: "The priority a tier's members' cases get." })
export class TierPriorityInput {
  @Field(() => ID, { description: 'The tier.' })
  tierId!: string;

  @Field(() => CasePriority, { description: 'Its priority.' })
  priority!: CasePriority;
}

@ObjectType({ description: 'How many days of limited-time status a role may give as goodwill without approval.' })
export class GoodwillStatusLimit {
  @Field(() => StaffRole, { description: 'The role.' })
  role!: StaffRole;

  @Field(() => Int, { nullable: true, description: 'Days from now to the end of the status; null: no bound.' })
  maxStatusDays?: number;
}

@InputType({ description: "A role's bound on goodwill status without approval." })
export class GoodwillStatusLimitInput {
  @Field(() => StaffRole, { description: 'The role (not OWNER, who is never bound).' })
  role!: StaffRole;

  @Field(() => Int, { nullable: true, description: 'Days, 0 to 3650 (0: always ask); null: no bound.' })
  maxStatusDays?: number;
}

@ObjectType({ description: "The tenant's support settings, defaults filled in." })
export class SupportSettings {
  @Field(() => ID, { nullable: true, description: 'Where a case goes when no routing rule matches.' })
  defaultTeamId?: string;

  @Field(() => Int, {
    description: 'The SLA job escalates a case this many minutes before a deadline (0: when it is missed).',
  })
  escalationLeadMinutes!: number;

  @Field(() => [SlaPolicy], { description: 'The deadlines of each priority, P1 to P4.' })
  slas!: SlaPolicy[];

  @Field(() => [TierPriority], {
    description:
      "Priorities the tenant chose per tier. Any other tier's cases get one by rank: rank 0 (or no tiers) P3, rank 1 P2, rank 2 and above P1.",
  })
  tierPriorities!: TierPriority[];

  @Field(() => [GoodwillStatusLimit], { description: 'Every role but OWNER, with its bound on goodwill status.' })
  goodwillStatusLimits!: GoodwillStatusLimit[];
}

@InputType({ description: 'Changes to the support settings; a field left out keeps its value.' })
export class UpdateSupportSettingsInput {
  @Field(() => ID, { nullable: true, description: 'Where a case goes when no rule matches.' })
  defaultTeamId?: string;

  @Field({ nullable: true, description: 'True: no default team (an unmatched case has no team).' })
  clearDefaultTeam?: boolean;

  @Field(() => Int, { nullable: true, description: 'Minutes before a deadline the job escalates, 0 to 10080.' })
  escalationLeadMinutes?: number;

  @Field(() => [SlaPolicyInput], { nullable: true, description: 'SLAs to set; other priorities keep theirs.' })
  slas?: SlaPolicyInput[];

  @Field(() => [TierPriorityInput], {
    nullable: true,
    description: 'The whole list of tier priorities, replacing the current one ([] to go back to the rank rule).',
  })
  tierPriorities?: TierPriorityInput[];

  @Field(() => [GoodwillStatusLimitInput], { nullable: true, description: 'Bounds to set; other roles keep theirs.' })
  goodwillStatusLimits?: GoodwillStatusLimitInput[];

  @Field({
    description:
      'A retry with the same key and input returns the first answer as it is now, without a second change; the same key with other input, or from another caller, is a CONFLICT.',
  })
  idempotencyKey!: string;
}
