import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { StateSource } from '../realtime/loyalty-state.types';
import { Channel } from '../shared/channel';
import { ConnectionType } from '../shared/graphql/connection';
import { CasePriority, CaseSourceType, CaseStatus, SlaDeadline } from './case.logic';

const IDEMPOTENCY_KEY =
  'A retry with the same key and input returns the first result; the same key with other input is a CONFLICT.';

@ObjectType({ description: 'A support case: a customer to get back to, within SLAs, by a team.' })
export class SupportCase {
  @Field(() => ID, { description: "The case's id." })
  id!: string;

  @Field(() => ID, { description: 'The customer the case is about (see `customer`).' })
  customerId!: string;

  @Field(() => CaseStatus, { description: 'Where the case is in its lifecycle.' })
  status!: CaseStatus;

  @Field(() => CasePriority, { description: "Chosen from the customer's tier when the case was opened." })
  priority!: CasePriority;

  /** Resolved to `team` by the resolver. */
  teamId!: string | null;

  @Field({ nullable: true, description: 'What it is about (lower case), as routing rules match it.' })
  topic?: string;

  @Field({ nullable: true, description: 'The channel the customer used (a Channel value such as WEB or POS).' })
  channel?: string;

  @Field(() => ID, { nullable: true, description: 'The store it concerns, when there is one.' })
  storeId?: string;

  @Field(() => CaseSourceType, { description: 'What opened it.' })
  sourceType!: CaseSourceType;

  @Field({ nullable: true, description: 'The record that opened it: the survey response, for a detractor.' })
  sourceId?: string;

  @Field({ description: 'One line for the agent.' })
  subject!: string;

  @Field({ description: 'When it was opened; the SLAs count from then.' })
  openedAt!: Date;

  @Field({ nullable: true, description: 'When someone first responded (acknowledged, started or resolved it).' })
  acknowledgedAt?: Date;

  @Field({ description: 'The first response is due then.' })
  firstResponseDueAt!: Date;

  @Field({ description: 'The resolution is due then.' })
  resolutionDueAt!: Date;

  @Field({ nullable: true, description: 'When it was resolved (cleared by a reopening).' })
  resolvedAt?: Date;

  @Field({ nullable: true, description: 'When it was closed.' })
  closedAt?: Date;

  @Field({
    nullable: true,
    description: 'When the first-response deadline was found missed; null while met or running.',
  })
  firstResponseBreachedAt?: Date;

  @Field({ nullable: true, description: 'When the resolution deadline was found missed; null while met or running.' })
  resolutionBreachedAt?: Date;

  @Field(() => Int, { description: 'How many times it was escalated along the routing path (0: never).' })
  escalationLevel!: number;

  @Field({ nullable: true, description: "The root cause's code, from the tenant's taxonomy, once resolved." })
  rootCause?: string;

  @Field(() => Int, { description: 'Goes up by one with each change of the case.' })
  version!: number;
}

@ObjectType({ description: 'A page of support cases.' })
export class SupportCaseConnection extends ConnectionType('SupportCase', SupportCase) {}

@InputType({ description: 'Which cases to list; every condition given must hold.' })
export class CaseFilter {
  @Field(() => [CaseStatus], { nullable: true, description: 'Only cases in one of these statuses.' })
  status?: CaseStatus[];

  @Field(() => ID, { nullable: true, description: "Only the team's cases." })
  teamId?: string;

  @Field(() => ID, { nullable: true, description: "Only the customer's cases." })
  customerId?: string;

  @Field({
    nullable: true,
    description: 'true: only cases that missed a deadline; false: only cases that missed none.',
  })
  breached?: boolean;
}

@InputType({ description: 'A case an agent opens by hand. It is routed and given SLAs like any other.' })
export class OpenCaseInput {
  @Field(() => ID, { description: 'The customer.' })
  customerId!: string;

  @Field({ description: 'One line for the agent, up to 200 characters.' })
  subject!: string;

  @Field({ nullable: true, description: 'What it is about, as routing rules match it (compared in lower case).' })
  topic?: string;

  @Field(() => Channel, { nullable: true, description: "The customer's channel; by default the caller's." })
  channel?: Channel;

  @Field(() => ID, { nullable: true, description: 'The store it concerns.' })
  storeId?: string;

  @Field({ description: IDEMPOTENCY_KEY })
  idempotencyKey!: string;
}

@InputType({ description: 'A change of status with an optional note.' })
export class CaseChangeInput {
  @Field(() => ID, { description: 'The case.' })
  caseId!: string;

  @Field({ nullable: true, description: "Recorded with the change on the customer's timeline." })
  note?: string;

  @Field({ description: IDEMPOTENCY_KEY })
  idempotencyKey!: string;
}

@InputType({ description: 'Resolving a case: the root cause is required.' })
export class ResolveCaseInput {
  @Field(() => ID, { description: 'The case.' })
  caseId!: string;

  @Field({ description: "A current cause's code from the tenant's taxonomy (rootCauses)." })
  rootCause!: string;

  @Field({ nullable: true, description: 'What was done; on the timeline.' })
  note?: string;

  @Field({ description: IDEMPOTENCY_KEY })
  idempotencyKey!: string;
}

@InputType({ description: 'Reopening a RESOLVED case: it goes back to IN_PROGRESS and loses its root cause.' })
export class ReopenCaseInput {
  @Field(() => ID, { description: 'The case.' })
  caseId!: string;

  @Field({ description: 'Why it is reopened; on the timeline.' })
  reason!: string;

  @Field({ description: IDEMPOTENCY_KEY })
  idempotencyKey!: string;
}

@InputType({ description: "A note on a case, on the customer's timeline." })
export class AddCaseNoteInput {
  @Field(() => ID, { description: 'The case.' })
  caseId!: string;

  @Field({ description: 'The note, up to 2000 characters.' })
  text!: string;

  @Field({ description: IDEMPOTENCY_KEY })
  idempotencyKey!: string;
}

@ObjectType({ description: "A case assigned to a team's queue when it was opened." })
export class CaseAssignment {
  @Field(() => Int, { description: "The team queue's version: pass the last one received as sinceVersion." })
  version!: number;

  @Field(() => StateSource, { description: 'MISSED (replayed after sinceVersion) or LIVE.' })
  source!: StateSource;

  @Field(() => ID, { description: 'The case.' })
  caseId!: string;

  @Field(() => ID, { description: 'The customer.' })
  customerId!: string;

  @Field(() => ID, { description: 'The team it was assigned to.' })
  teamId!: string;

  @Field(() => CasePriority, { description: "The case's priority." })
  priority!: CasePriority;

  @Field({ description: "The case's subject." })
  subject!: string;

  @Field({ nullable: true, description: "The case's topic." })
  topic?: string;

  @Field({ description: 'The first response is due then.' })
  firstResponseDueAt!: Date;

  @Field({ description: 'The resolution is due then.' })
  resolutionDueAt!: Date;

  @Field({ description: 'When it was assigned (opened).' })
  assignedAt!: Date;
}

@ObjectType({ description: 'A case escalated to a team because a deadline was about to pass, or passed.' })
export class CaseEscalation {
  @Field(() => Int, { description: "The team's escalation stream version: pass the last one as sinceVersion." })
  version!: number;

  @Field(() => StateSource, { description: 'MISSED (replayed after sinceVersion) or LIVE.' })
  source!: StateSource;

  @Field(() => ID, { description: 'The case.' })
  caseId!: string;

  @Field(() => ID, { description: 'The customer.' })
  customerId!: string;

  @Field(() => ID, { nullable: true, description: 'The team it was with; null when it had none.' })
  fromTeamId?: string;

  @Field(() => ID, {
    description: 'The team it is with now: the next level, or the same team at the top of the path.',
  })
  teamId!: string;

  @Field(() => Int, { description: "The case's escalation level after this escalation." })
  escalationLevel!: number;

  @Field(() => [SlaDeadline], { description: 'The deadlines that caused it.' })
  deadlines!: SlaDeadline[];

  @Field(() => [SlaDeadline], { description: 'Those of them already missed (the others were about to be).' })
  breached!: SlaDeadline[];

  @Field(() => CasePriority, { description: "The case's priority." })
  priority!: CasePriority;

  @Field({ description: "The case's subject." })
  subject!: string;

  @Field({ description: 'When it was escalated.' })
  escalatedAt!: Date;
}

/** CASE_ASSIGNED as recorded on a team's stream. */
export interface CaseAssignedPayload extends Record<string, unknown> {
  caseId: string;
  customerId: string;
  teamId: string;
  priority: CasePriority;
  subject: string;
  topic: string | null;
  firstResponseDueAt: string;
  resolutionDueAt: string;
  assignedAt: string;
}

/** CASE_ESCALATED as recorded on a team's stream. */
export interface CaseEscalatedPayload extends Record<string, unknown> {
  caseId: string;
  customerId: string;
  fromTeamId: string | null;
  teamId: string;
  escalationLevel: number;
  deadlines: SlaDeadline[];
  breached: SlaDeadline[];
  priority: CasePriority;
  subject: string;
  escalatedAt: string;
}
