import { registerEnumType } from 'type-graphql';

/** Where a case is in its lifecycle; OPEN, ACKNOWLEDGED and IN_PROGRESS are "open". */
export enum CaseStatus {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}

export enum CasePriority {
  P1 = 'P1',
  P2 = 'P2',
  P3 = 'P3',
  P4 = 'P4',
}

/** What a case was opened from (the `sourceType` of `openWithin`). */
export enum CaseSourceType {
  SURVEY_RESPONSE = 'SURVEY_RESPONSE',
  PLAYBOOK = 'PLAYBOOK',
  AGENT = 'AGENT',
}

/** The two deadlines of a case. */
export enum SlaDeadline {
  FIRST_RESPONSE = 'FIRST_RESPONSE',
  RESOLUTION = 'RESOLUTION',
}

/** A change of status a caller asks for. */
export enum CaseAction {
  ACKNOWLEDGE = 'ACKNOWLEDGE',
  START = 'START',
  RESOLVE = 'RESOLVE',
  REOPEN = 'REOPEN',
  CLOSE = 'CLOSE',
}

registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  description: 'Where a support case is: OPEN, ACKNOWLEDGED and IN_PROGRESS count as open.',
  valuesConfig: {
    OPEN: { description: 'Opened; nobody has responded yet (the first-response deadline runs).' },
    ACKNOWLEDGED: { description: 'An agent responded; the work has not started.' },
    IN_PROGRESS: { description: 'An agent is working on it.' },
    RESOLVED: { description: 'Solved, with a root cause; it can still be reopened or closed.' },
    CLOSED: { description: 'Done for good.' },
  },
});

registerEnumType(CasePriority, {
  name: 'CasePriority',
  description: 'How fast a case must be answered and solved: P1 fastest. Each has its SLA (supportSettings).',
  valuesConfig: {
    P1: { description: 'Most urgent.' },
    P2: { description: 'Urgent.' },
    P3: { description: 'Normal.' },
    P4: { description: 'Least urgent.' },
  },
});

registerEnumType(CaseSourceType, {
  name: 'CaseSourceType',
  description: 'What opened a case.',
  valuesConfig: {
    SURVEY_RESPONSE: { description: 'A detractor survey response (sourceId is the response).' },
    PLAYBOOK: { description: "A tenant's playbook acting on a signal." },
    AGENT: { description: 'An agent, by hand (openCase).' },
  },
});

registerEnumType(SlaDeadline, {
  name: 'SlaDeadline',
  description: 'One of the two deadlines of a case.',
  valuesConfig: {
    FIRST_RESPONSE: { description: 'Acknowledged (or started, or resolved) by firstResponseDueAt.' },
    RESOLUTION: { description: 'Resolved by resolutionDueAt.' },
  },
});

export const OPEN_STATUSES: readonly CaseStatus[] = [CaseStatus.OPEN, CaseStatus.ACKNOWLEDGED, CaseStatus.IN_PROGRESS];

/**
 * The lifecycle. Starting or resolving an OPEN case counts as its first response too. A RESOLVED case can
 * be reopened (back to IN_PROGRESS) until it is closed; CLOSED is final.
 */
const TRANSITIONS: Readonly<Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus }>> = {
  ACKNOWLEDGE: { from: [CaseStatus.OPEN], to: CaseStatus.ACKNOWLEDGED },
  START: { from: [CaseStatus.OPEN, CaseStatus.ACKNOWLEDGED], to: CaseStatus.IN_PROGRESS },
  RESOLVE: { from: OPEN_STATUSES, to: CaseStatus.RESOLVED },
  REOPEN: { from: [CaseStatus.RESOLVED], to: CaseStatus.IN_PROGRESS },
  CLOSE: { from: [CaseStatus.RESOLVED], to: CaseStatus.CLOSED },
};

/** The status an action leads to from `from`, or null when the lifecycle does not allow it. */
export function nextStatus(action: CaseAction, from: CaseStatus): CaseStatus | null {
  const rule = TRANSITIONS[action];
  return rule.from.includes(from) ? rule.to : null;
}

/** The statuses an action may start from, for the error that says so. */
export function allowedFrom(action: CaseAction): readonly CaseStatus[] {
  return TRANSITIONS[action].from;
}

export interface SlaMinutes {
  readonly firstResponseMinutes: number;
  readonly resolutionMinutes: number;
}

/** What applies until a tenant sets its own SLA for a priority: calendar minutes, not business hours. */
export const DEFAULT_SLAS: Readonly<Record<CasePriority, SlaMinutes>> = {
  P1: { firstResponseMinutes: 60, resolutionMinutes: 8 * 60 },
  P2: { firstResponseMinutes: 4 * 60, resolutionMinutes: 24 * 60 },
  P3: { firstResponseMinutes: 8 * 60, resolutionMinutes: 48 * 60 },
  P4: { firstResponseMinutes: 24 * 60, resolutionMinutes: 72 * 60 },
};

/**
 * The priority of a customer's case: the tenant's choice for the tier they hold, else by the tier's rank,
 * higher tiers faster: the base tier (rank 0, or no tiers at all) P3, rank 1 P2, rank 2 and above P1.
 * P4 is only ever chosen by the tenant (say, for a tier of non-members).
 */
export function priorityFor(rank: number | null, chosen: CasePriority | null): CasePriority {
  if (chosen) return chosen;
  if (rank === null || rank <= 0) return CasePriority.P3;
  return rank === 1 ? CasePriority.P2 : CasePriority.P1;
}

/** The SLA of a priority: the tenant's own, or the default. */
export function slaFor(
  priority: CasePriority,
  policies: readonly (SlaMinutes & { priority: CasePriority })[],
): SlaMinutes {
  const own = policies.find((policy) => policy.priority === priority);
  return own
    ? { firstResponseMinutes: own.firstResponseMinutes, resolutionMinutes: own.resolutionMinutes }
    : DEFAULT_SLAS[priority];
}

/** The deadlines of a case opened at `openedAt`. */
export function dueTimes(openedAt: Date, sla: SlaMinutes): { firstResponseDueAt: Date; resolutionDueAt: Date } {
  return {
    firstResponseDueAt: new Date(openedAt.getTime() + sla.firstResponseMinutes * 60_000),
    resolutionDueAt: new Date(openedAt.getTime() + sla.resolutionMinutes * 60_000),
  };
}
