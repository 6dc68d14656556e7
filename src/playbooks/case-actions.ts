import type { EntityManager } from '@mikro-orm/postgresql';

import type { StaffRole } from '../shared/auth/roles';

/** What OPEN_CASE needs of the cases part: `CaseService.openWithin` (routes, sets SLAs, timeline, CASE_ASSIGNED). */
export interface CaseOpener {
  openWithin(
    tx: EntityManager,
    input: {
      tenantId: string;
      customerId: string;
      subject: string;
      sourceType: 'SURVEY_RESPONSE' | 'PLAYBOOK' | 'AGENT';
      sourceId: string | null;
      topic?: string | null;
      channel?: string | null;
      storeId?: string | null;
      actor: string;
    },
  ): Promise<{ id: string; teamId: string | null; priority: string }>;
}

/**
 * What GRANT_GOODWILL needs of the cases part: `GoodwillService.grantWithin` (points through the ledger, or
 * limited-time status until `until`; within the role's limit granted, above it pending a supervisor).
 */
export interface GoodwillGranter {
  grantWithin(
    tx: EntityManager,
    input: {
      tenantId: string;
      customerId: string;
      caseId: string | null;
      points: number | null;
      tierId: string | null;
      until: Date | null;
      reason: string;
      actor: string;
      role: StaffRole;
      requestKey: string;
      /** Whose day the points count against (`actor` when not given). */
      limitPrincipal?: string;
    },
  ): Promise<{ id: string; status: 'GRANTED' | 'PENDING_APPROVAL' }>;
}

/**
 * The engine's port to the cases part, wired in src/app.ts. Both run inside the firing's transaction (in a
 * savepoint of their own), so a case or grant exists exactly when the firing that made it does.
 */
export interface CaseActions {
  readonly cases: CaseOpener;
  readonly goodwill: GoodwillGranter;
}
