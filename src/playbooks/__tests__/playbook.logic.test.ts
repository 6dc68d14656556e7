import type { AppError } from '../../shared/errors';
import { SignalType } from '../../signals/signal.types';
import {
  ActionOutcome,
  eventTypeMatches,
  firingOutcome,
  type MatchablePlaybook,
  matches,
  PlaybookActionType,
  playbookDefinition,
  type PlaybookDefinitionInput,
  ReminderChannel,
  signalCaseId,
  statusExtendedUntil,
} from '../playbook.logic';

const TEAM = '0190f0a0-0000-7000-8000-00000000000a';
const CASE = '0190f0a0-0000-7000-8000-00000000000c';

const valid = (): PlaybookDefinitionInput => ({
  code: ' win-back ',
  name: 'Win back detractors',
  signal: SignalType.DETRACTOR_RESPONSE,
  segments: ['vip', 'vip', 'students'],
  minTierRank: 1,
  actions: [
    { type: PlaybookActionType.OPEN_CASE, subject: 'Call back', topic: 'delivery' },
    { type: PlaybookActionType.ALERT_TEAM, message: 'A VIP is unhappy', teamId: TEAM.toUpperCase() },
    { type: PlaybookActionType.GRANT_GOODWILL, points: 500, reason: 'Sorry' },
    { type: PlaybookActionType.SEND_REMINDER, templateCode: 'sorry.v1', channel: ReminderChannel.EMAIL },
  ],
});

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as AppError).extensions.field as string;
  }
  return undefined;
}

describe('playbookDefinition', () => {
  it('normalises a valid definition: code upper-cased, segments deduplicated, only each action type’s parameters kept', () => {
    const definition = playbookDefinition(valid());
    expect(definition).toMatchObject({
      code: 'WIN-BACK',
      eventType: null,
      segments: ['vip', 'students'],
      minTierRank: 1,
    });
    expect(definition.actions).toEqual([
      { type: 'OPEN_CASE', subject: 'Call back', topic: 'delivery' },
      { type: 'ALERT_TEAM', message: 'A VIP is unhappy', teamId: TEAM },
      { type: 'GRANT_GOODWILL', points: 500, reason: 'Sorry' },
      { type: 'SEND_REMINDER', templateCode: 'sorry.v1', channel: 'EMAIL' },
    ]);
  });

  it('names the field at fault', () => {
    const cases: [(input: PlaybookDefinitionInput) => void, string][] = [
      [(i) => (i.code = 'no spaces'), 'input.code'],
      [(i) => (i.actions = []), 'input.actions'],
      [(i) => (i.actions[2].points = 0), 'input.actions.2.points'],
      [(i) => (i.actions[2].points = 2.5), 'input.actions.2.points'],
      [(i) => (i.actions[2].statusDays = 30), 'input.actions.2.points'],
      [
        (i) => (i.actions[2] = { type: PlaybookActionType.GRANT_GOODWILL, statusDays: 400, reason: 'x' }),
        'input.actions.2.statusDays',
      ],
      [(i) => (i.actions[0].subject = '  '), 'input.actions.0.subject'],
      [(i) => (i.actions[0].points = 5), 'input.actions.0.points'],
      [(i) => (i.actions[1].teamId = 'team-1'), 'input.actions.1.teamId'],
      [(i) => (i.actions[3].channel = null), 'input.actions.3.channel'],
      [(i) => (i.actions[3].templateCode = 'a b'), 'input.actions.3.templateCode'],
      [(i) => (i.eventType = 'order.cancelled'), 'input.eventType'],
      [(i) => (i.minTierRank = -1), 'input.minTierRank'],
      [(i) => i.actions.push({ type: PlaybookActionType.OPEN_CASE, subject: 'Again' }), 'input.actions.4.type'],
    ];
    for (const [change, field] of cases) {
      const input = valid();
      change(input);
      expect(fieldOf(() => playbookDefinition(input))).toBe(field);
    }
  });

  it('requires an event type for EVENT_INGESTED', () => {
    const input = { ...valid(), signal: SignalType.EVENT_INGESTED };
    expect(fieldOf(() => playbookDefinition(input))).toBe('input.eventType');
    expect(playbookDefinition({ ...input, eventType: 'order.cancelled' }).eventType).toBe('order.cancelled');
  });
});

describe('matches', () => {
  const createdAt = new Date('2026-12-01T00:00:00Z');
  const playbook: MatchablePlaybook = {
    signalType: SignalType.EVENT_INGESTED,
    eventType: 'Order.Cancelled',
    segments: [],
    minTierRank: null,
    createdAt,
  };
  const signal = {
    type: SignalType.EVENT_INGESTED,
    payload: { eventType: 'order.cancelled', kind: 'BILLING' },
    raisedAt: new Date('2026-12-02T00:00:00Z'),
  };
  const anyone = { segments: [], tierRank: 0 };

  it('matches the signal type and the event type (or kind), case-insensitively', () => {
    expect(matches(playbook, signal, anyone)).toBe(true);
    expect(matches({ ...playbook, eventType: 'billing' }, signal, anyone)).toBe(true);
    expect(matches({ ...playbook, eventType: 'order.created' }, signal, anyone)).toBe(false);
    expect(matches({ ...playbook, signalType: SignalType.POINTS_EXPIRING }, signal, anyone)).toBe(false);
    expect(eventTypeMatches('x', {})).toBe(false);
  });

  it('never acts on signals raised before the playbook existed', () => {
    expect(matches(playbook, { ...signal, raisedAt: new Date('2026-11-30T23:59:59Z') }, anyone)).toBe(false);
  });

  it('applies the segment and tier conditions', () => {
    const vipGold = { ...playbook, segments: ['vip'], minTierRank: 2 };
    expect(matches(vipGold, signal, { segments: ['vip'], tierRank: 2 })).toBe(true);
    expect(matches(vipGold, signal, { segments: ['vip'], tierRank: 1 })).toBe(false);
    expect(matches(vipGold, signal, { segments: ['students'], tierRank: 3 })).toBe(false);
  });
});

describe('firingOutcome', () => {
  it('is the least complete action outcome', () => {
    expect(firingOutcome([ActionOutcome.DONE, ActionOutcome.DONE])).toBe('DONE');
    expect(firingOutcome([ActionOutcome.DONE, ActionOutcome.SKIPPED_NO_CONSENT])).toBe('SKIPPED_NO_CONSENT');
    expect(firingOutcome([ActionOutcome.SKIPPED_NO_CONSENT, ActionOutcome.PENDING_APPROVAL])).toBe('PENDING_APPROVAL');
    expect(firingOutcome([ActionOutcome.PENDING_APPROVAL, ActionOutcome.FAILED, ActionOutcome.DONE])).toBe('FAILED');
  });
});

describe('statusExtendedUntil', () => {
  const now = new Date('2026-12-02T00:00:00Z');
  it('extends from when the status ends, or from now once that is past', () => {
    expect(statusExtendedUntil(now, new Date('2027-01-01T00:00:00Z'), 10).toISOString()).toBe(
      '2027-01-11T00:00:00.000Z',
    );
    expect(statusExtendedUntil(now, new Date('2026-11-01T00:00:00Z'), 10).toISOString()).toBe(
      '2026-12-12T00:00:00.000Z',
    );
    expect(statusExtendedUntil(now, null, 1).toISOString()).toBe('2026-12-03T00:00:00.000Z');
  });
});

describe('signalCaseId', () => {
  it("reads the case from the payload, or from an SLA breach's cause", () => {
    expect(signalCaseId(SignalType.DETRACTOR_RESPONSE, 'r1', { caseId: CASE })).toBe(CASE);
    expect(signalCaseId(SignalType.SLA_BREACHED, `${CASE.toUpperCase()}:RESOLUTION`, {})).toBe(CASE);
    expect(signalCaseId(SignalType.CHURN_RISK_RAISED, `${CASE}:2026-12-02`, {})).toBeNull();
  });
});
