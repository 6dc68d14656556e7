import {
  CaseAction,
  CasePriority,
  CaseStatus,
  DEFAULT_SLAS,
  dueTimes,
  nextStatus,
  priorityFor,
  slaFor,
} from '../case.logic';

describe('the case lifecycle', () => {
  it('moves open -> acknowledged -> in progress -> resolved -> closed', () => {
    expect(nextStatus(CaseAction.ACKNOWLEDGE, CaseStatus.OPEN)).toBe(CaseStatus.ACKNOWLEDGED);
    expect(nextStatus(CaseAction.START, CaseStatus.ACKNOWLEDGED)).toBe(CaseStatus.IN_PROGRESS);
    expect(nextStatus(CaseAction.RESOLVE, CaseStatus.IN_PROGRESS)).toBe(CaseStatus.RESOLVED);
    expect(nextStatus(CaseAction.CLOSE, CaseStatus.RESOLVED)).toBe(CaseStatus.CLOSED);
  });

  it('lets an open case be started or resolved straight away, and a resolved one reopened', () => {
    expect(nextStatus(CaseAction.START, CaseStatus.OPEN)).toBe(CaseStatus.IN_PROGRESS);
    expect(nextStatus(CaseAction.RESOLVE, CaseStatus.OPEN)).toBe(CaseStatus.RESOLVED);
    expect(nextStatus(CaseAction.REOPEN, CaseStatus.RESOLVED)).toBe(CaseStatus.IN_PROGRESS);
  });

  it('refuses every other move, and anything from CLOSED', () => {
    expect(nextStatus(CaseAction.CLOSE, CaseStatus.OPEN)).toBeNull();
    expect(nextStatus(CaseAction.CLOSE, CaseStatus.IN_PROGRESS)).toBeNull();
    expect(nextStatus(CaseAction.ACKNOWLEDGE, CaseStatus.IN_PROGRESS)).toBeNull();
    expect(nextStatus(CaseAction.REOPEN, CaseStatus.IN_PROGRESS)).toBeNull();
    for (const action of Object.values(CaseAction)) expect(nextStatus(action, CaseStatus.CLOSED)).toBeNull();
  });
});

describe('priority and SLAs', () => {
  it('gives higher tiers a faster priority, unless the tenant chose one for the tier', () => {
    expect(priorityFor(null, null)).toBe(CasePriority.P3);
    expect(priorityFor(0, null)).toBe(CasePriority.P3);
    expect(priorityFor(1, null)).toBe(CasePriority.P2);
    expect(priorityFor(2, null)).toBe(CasePriority.P1);
    expect(priorityFor(5, null)).toBe(CasePriority.P1);
    expect(priorityFor(2, CasePriority.P4)).toBe(CasePriority.P4);
  });

  it("uses the tenant's SLA for a priority, else the default, and counts the deadlines from the opening", () => {
    const own = [{ priority: CasePriority.P1, firstResponseMinutes: 15, resolutionMinutes: 120 }];
    expect(slaFor(CasePriority.P1, own)).toEqual({ firstResponseMinutes: 15, resolutionMinutes: 120 });
    expect(slaFor(CasePriority.P2, own)).toEqual(DEFAULT_SLAS.P2);
    const opened = new Date('2026-12-01T10:00:00Z');
    expect(dueTimes(opened, { firstResponseMinutes: 15, resolutionMinutes: 120 })).toEqual({
      firstResponseDueAt: new Date('2026-12-01T10:15:00Z'),
      resolutionDueAt: new Date('2026-12-01T12:00:00Z'),
    });
    // Faster priorities answer sooner by default.
    expect(DEFAULT_SLAS.P1.firstResponseMinutes).toBeLessThan(DEFAULT_SLAS.P2.firstResponseMinutes);
    expect(DEFAULT_SLAS.P3.resolutionMinutes).toBeLessThan(DEFAULT_SLAS.P4.resolutionMinutes);
  });
});
