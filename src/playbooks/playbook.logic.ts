import { isUuid } from '../shared/validation';
import { SignalType } from '../signals/signal.types';
import { playbookError, PlaybookErrorCode } from './playbook.errors';

/** What a playbook does, in order, when it fires. */
export enum PlaybookActionType {
  OPEN_CASE = 'OPEN_CASE',
  ALERT_TEAM = 'ALERT_TEAM',
  GRANT_GOODWILL = 'GRANT_GOODWILL',
  SEND_REMINDER = 'SEND_REMINDER',
}

/** How a reminder reaches the customer; the notifier's receiver picks the template for it. */
export enum ReminderChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
  PUSH = 'PUSH',
}

/** What became of one action of a firing. */
export enum ActionOutcome {
  DONE = 'DONE',
  /** Goodwill above the AGENT role's limit: it waits for a supervisor. */
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  /** A reminder to a customer without MARKETING consent: nothing was sent. */
  SKIPPED_NO_CONSENT = 'SKIPPED_NO_CONSENT',
  FAILED = 'FAILED',
}

/** One action as stored: only the parameters of its type are set. */
export interface PlaybookAction {
  readonly type: PlaybookActionType;
  readonly subject?: string;
  readonly topic?: string;
  /** ALERT_TEAM: the team; absent: the team of the firing's case (opened by it, or the signal's). */
  readonly teamId?: string;
  readonly message?: string;
  readonly points?: number;
  readonly statusDays?: number;
  readonly reason?: string;
  readonly templateCode?: string;
  readonly channel?: ReminderChannel;
}

export interface PlaybookDefinition {
  readonly code: string;
  readonly name: string;
  readonly signalType: SignalType;
  /** EVENT_INGESTED only: the ingested event's type (or kind) to match, compared case-insensitively. */
  readonly eventType: string | null;
  /** The customer must be in one of these; empty: any customer. */
  readonly segments: string[];
  /** The customer's tier (limited-time status included) must rank at least this; null: any. */
  readonly minTierRank: number | null;
  readonly actions: PlaybookAction[];
}

/** The definition as a client sends it (GraphQL input), before it is checked. */
export interface PlaybookDefinitionInput {
  code: string;
  name: string;
  signal: SignalType;
  eventType?: string | null;
  segments?: string[] | null;
  minTierRank?: number | null;
  actions: {
    type: PlaybookActionType;
    subject?: string | null;
    topic?: string | null;
    teamId?: string | null;
    message?: string | null;
    points?: number | null;
    statusDays?: number | null;
    reason?: string | null;
    templateCode?: string | null;
    channel?: ReminderChannel | null;
  }[];
}

export const MAX_ACTIONS = 10;
export const MAX_GOODWILL_POINTS = 1_000_000;
export const MAX_STATUS_DAYS = 365;

/** The parameters each action type takes (required ones first); any other one given is refused. */
const PARAMETERS: Record<PlaybookActionType, { required: string[]; optional: string[] }> = {
  OPEN_CASE: { required: ['subject'], optional: ['topic'] },
  ALERT_TEAM: { required: ['message'], optional: ['teamId'] },
  GRANT_GOODWILL: { required: ['reason'], optional: ['points', 'statusDays'] },
  SEND_REMINDER: { required: ['templateCode', 'channel'], optional: [] },
};
const ALL_PARAMETERS = [
  'subject',
  'topic',
  'teamId',
  'message',
  'points',
  'statusDays',
  'reason',
  'templateCode',
  'channel',
] as const;

function invalid(message: string, field: string): never {
  throw playbookError(PlaybookErrorCode.PLAYBOOK_INVALID, message, field);
}

function text(value: unknown, field: string, max: number, pattern?: RegExp): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed === '') invalid(`${field} is required`, field);
  if (trimmed.length > max) invalid(`${field} must be at most ${max} characters`, field);
  if (pattern && !pattern.test(trimmed)) invalid(`${field} may hold letters, digits, . _ : and - only`, field);
  return trimmed;
}

function whole(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max)
    invalid(`${field} must be a whole number from ${min} to ${max}`, field);
  return value;
}

const CODE = /^[A-Z0-9_-]+$/;
const NAME_LIKE = /^[A-Za-z0-9_.:-]+$/;

function action(input: PlaybookDefinitionInput['actions'][number], at: string): PlaybookAction {
  if (!Object.values(PlaybookActionType).includes(input.type)) invalid(`${at}.type is not an action`, `${at}.type`);
  const { required, optional } = PARAMETERS[input.type];
  const given = (name: (typeof ALL_PARAMETERS)[number]) => input[name] !== undefined && input[name] !== null;
  for (const name of ALL_PARAMETERS) {
    if (given(name) && !required.includes(name) && !optional.includes(name))
      invalid(`${at}.${name} does not apply to ${input.type}`, `${at}.${name}`);
  }
  switch (input.type) {
    case PlaybookActionType.OPEN_CASE:
      return {
        type: input.type,
        subject: text(input.subject, `${at}.subject`, 200),
        ...(given('topic') ? { topic: text(input.topic, `${at}.topic`, 100) } : {}),
      };
    case PlaybookActionType.ALERT_TEAM: {
      if (given('teamId') && !isUuid(input.teamId!)) invalid(`${at}.teamId is not a team id`, `${at}.teamId`);
      return {
        type: input.type,
        message: text(input.message, `${at}.message`, 500),
        ...(given('teamId') ? { teamId: input.teamId!.toLowerCase() } : {}),
      };
    }
    case PlaybookActionType.GRANT_GOODWILL: {
      if (given('points') === given('statusDays'))
        invalid(`${at} grants either points or statusDays (one of them)`, `${at}.points`);
      return {
        type: input.type,
        reason: text(input.reason, `${at}.reason`, 500),
        ...(given('points')
          ? { points: whole(input.points, `${at}.points`, 1, MAX_GOODWILL_POINTS) }
          : { statusDays: whole(input.statusDays, `${at}.statusDays`, 1, MAX_STATUS_DAYS) }),
      };
    }
    case PlaybookActionType.SEND_REMINDER:
      if (!Object.values(ReminderChannel).includes(input.channel!))
        invalid(`${at}.channel is required`, `${at}.channel`);
      return {
        type: input.type,
        templateCode: text(input.templateCode, `${at}.templateCode`, 100, NAME_LIKE),
        channel: input.channel!,
      };
  }
}

/** Checks a definition as a whole; a problem names the input field (`input.actions.1.points`). */
export function playbookDefinition(input: PlaybookDefinitionInput): PlaybookDefinition {
  const code = text(input.code, 'input.code', 50).toUpperCase();
  if (!CODE.test(code)) invalid('input.code may hold letters, digits, - and _ only', 'input.code');
  if (!Object.values(SignalType).includes(input.signal)) invalid('input.signal is not a signal', 'input.signal');
  const hasEventType = input.eventType !== undefined && input.eventType !== null;
  if (input.signal === SignalType.EVENT_INGESTED && !hasEventType)
    invalid('input.eventType is required for EVENT_INGESTED (e.g. order.cancelled)', 'input.eventType');
  if (input.signal !== SignalType.EVENT_INGESTED && hasEventType)
    invalid('input.eventType applies to EVENT_INGESTED only', 'input.eventType');
  const segments = input.segments ?? [];
  if (segments.length > 50) invalid('input.segments takes at most 50 segments', 'input.segments');
  const actions = input.actions ?? [];
  if (actions.length < 1 || actions.length > MAX_ACTIONS)
    invalid(`input.actions takes 1 to ${MAX_ACTIONS} actions`, 'input.actions');
  // A firing's case is one (opening it again for the same firing gives the same case back).
  const second = actions.findIndex(
    (given, i) => given.type === PlaybookActionType.OPEN_CASE && actions.findIndex((a) => a.type === given.type) < i,
  );
  if (second >= 0) invalid('A playbook opens at most one case', `input.actions.${second}.type`);
  return {
    code,
    name: text(input.name, 'input.name', 200),
    signalType: input.signal,
    eventType: hasEventType ? text(input.eventType, 'input.eventType', 100, NAME_LIKE) : null,
    segments: [...new Set(segments.map((segment, i) => text(segment, `input.segments.${i}`, 100)))],
    minTierRank:
      input.minTierRank === undefined || input.minTierRank === null
        ? null
        : whole(input.minTierRank, 'input.minTierRank', 0, 1000),
    actions: actions.map((given, i) => action(given, `input.actions.${i}`)),
  };
}

/** A playbook as the engine matches it. */
export interface MatchablePlaybook {
  readonly signalType: string;
  readonly eventType: string | null;
  readonly segments: readonly string[];
  readonly minTierRank: number | null;
  /** A playbook acts on signals raised from then on, never on a backlog from before it existed. */
  readonly createdAt: Date;
}

export interface MatchableSignal {
  readonly type: string;
  readonly payload: Record<string, unknown>;
  readonly raisedAt: Date;
}

export interface CustomerFacts {
  readonly segments: readonly string[];
  /** The rank of the tier the customer holds now (limited-time status included); 0 for the base tier. */
  readonly tierRank: number;
}

/** An ingested event matches by its type (`data.type`) or, failing that, its timeline kind. */
export function eventTypeMatches(expected: string, payload: Record<string, unknown>): boolean {
  const wanted = expected.toLowerCase();
  return [payload.eventType, payload.kind].some((value) => typeof value === 'string' && value.toLowerCase() === wanted);
}

/** Whether a playbook acts on this signal about this customer. */
export function matches(playbook: MatchablePlaybook, signal: MatchableSignal, customer: CustomerFacts): boolean {
  if (playbook.signalType !== signal.type) return false;
  if (signal.raisedAt < playbook.createdAt) return false;
  if (playbook.eventType !== null && !eventTypeMatches(playbook.eventType, signal.payload)) return false;
  if (playbook.segments.length > 0 && !playbook.segments.some((segment) => customer.segments.includes(segment)))
    return false;
  if (playbook.minTierRank !== null && customer.tierRank < playbook.minTierRank) return false;
  return true;
}

const SEVERITY: readonly ActionOutcome[] = [
  ActionOutcome.FAILED,
  ActionOutcome.PENDING_APPROVAL,
  ActionOutcome.SKIPPED_NO_CONSENT,
  ActionOutcome.DONE,
];

/** A firing's outcome: the least complete of its actions' (FAILED, then PENDING_APPROVAL, SKIPPED_NO_CONSENT, DONE). */
export function firingOutcome(outcomes: readonly ActionOutcome[]): ActionOutcome {
  return SEVERITY.find((outcome) => outcomes.includes(outcome)) ?? ActionOutcome.DONE;
}

/**
 * When extended status ends: `days` after the status would have ended (or after now, when that is past),
 * so an extension never shortens what the customer holds.
 */
export function statusExtendedUntil(now: Date, currentEnd: Date | null, days: number): Date {
  const from = currentEnd && currentEnd > now ? currentEnd : now;
  return new Date(from.getTime() + days * 86_400_000);
}

/** Processing attempts a signal gets before it is given up (marked processed with its last error). */
export const MAX_SIGNAL_ATTEMPTS = 5;

/** The wait after a failed attempt doubles from this: 1, 2, 4, 8 minutes. */
export const RETRY_BASE_SECONDS = 60;

/** The case a signal is about, when it names one (SLA_BREACHED's cause is `<caseId>:<deadline>`). */
export function signalCaseId(type: SignalType, cause: string, payload: Record<string, unknown>): string | null {
  if (typeof payload.caseId === 'string' && isUuid(payload.caseId)) return payload.caseId.toLowerCase();
  const prefix = cause.split(':')[0];
  return type === SignalType.SLA_BREACHED && isUuid(prefix) ? prefix.toLowerCase() : null;
}

/** The versioned stream of a team's alerts (its routing key is `<tenantId>:<teamId>`). */
export function teamAlertStream(teamId: string): string {
  return `team-alert:${teamId}`;
}
