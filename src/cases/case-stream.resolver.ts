import { Arg, ID, Int, Resolver, Root, type SubscribeResolverData, Subscription } from 'type-graphql';

import { StateSource } from '../realtime/loyalty-state.types';
import { Topic } from '../realtime/pubsub';
import { followStreamEvents } from '../realtime/versioned-stream';
import { assertRole, requireTenant } from '../shared/auth/guards';
import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { inputError, InputErrorCode } from '../shared/errors';
import { isUuid } from '../shared/validation';
import { caseError, CaseErrorCode } from './case.errors';
import { type CaseAssignedPayload, CaseAssignment, type CaseEscalatedPayload, CaseEscalation } from './case.types';

type Args = { teamId: string; sinceVersion?: number | null };

/** A team queue a caller may follow: staff who work cases, a team of their own tenant (else NOT_FOUND). */
async function teamStream(
  context: Context,
  args: Args,
): Promise<{ tenantId: string; teamId: string; since: number | null }> {
  assertRole(context, Access.workCases);
  const tenantId = requireTenant(context);
  const since = args.sinceVersion ?? null;
  if (since !== null && (!Number.isInteger(since) || since < 0))
    throw inputError(
      InputErrorCode.INVALID,
      'sinceVersion must be a version this client received (0 or more)',
      'sinceVersion',
    );
  const teamId = String(args.teamId);
  const team = isUuid(teamId) ? await context.loaders.supportTeamById.load(`${tenantId}:${teamId}`) : null;
  if (!team) throw caseError(CaseErrorCode.TEAM_NOT_FOUND, `No support team ${teamId}`, 'teamId');
  return { tenantId, teamId: team.id, since };
}

const SINCE = {
  nullable: true,
  description: 'The last version the client has; the events after it come first (MISSED), then LIVE ones.',
} as const;

/** The agent desktop's team queues, each a versioned stream with catch-up (see realtime/versioned-stream.ts). */
@Resolver()
export class CaseStreamResolver {
  @Subscription(() => CaseAssignment, {
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, Args, Context>) => {
      const { tenantId, teamId, since } = await teamStream(context, args);
      return followStreamEvents<CaseAssignedPayload, CaseAssignment>({
        bus: context.bus,
        em: () => context.em,
        topic: Topic.CASE_ASSIGNED,
        stream: `case-assigned:${teamId}`,
        routingKey: `${tenantId}:${teamId}`,
        sinceVersion: since,
        toItem: (p, source: StateSource) => ({
          version: p.version,
          source,
          caseId: p.caseId,
          customerId: p.customerId,
          teamId: p.teamId,
          priority: p.priority,
          subject: p.subject,
          topic: p.topic ?? undefined,
          firstResponseDueAt: new Date(p.firstResponseDueAt),
          resolutionDueAt: new Date(p.resolutionDueAt),
          assignedAt: new Date(p.assignedAt),
        }),
      });
    },
    description:
      'Each case assigned to the team as it is opened. With sinceVersion: first those after it (MISSED), then LIVE ones, each once and in order. Staff who work cases; a team of another tenant is NOT_FOUND.',
  })
  caseAssigned(
    @Arg('teamId', () => ID, { description: 'The team whose queue to follow.' }) _teamId: string,
    @Arg('sinceVersion', () => Int, SINCE) _sinceVersion: number | undefined,
    @Root() item: CaseAssignment,
  ): CaseAssignment {
    return item;
  }

  @Subscription(() => CaseEscalation, {
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, Args, Context>) => {
      const { tenantId, teamId, since } = await teamStream(context, args);
      return followStreamEvents<CaseEscalatedPayload, CaseEscalation>({
        bus: context.bus,
        em: () => context.em,
        topic: Topic.CASE_ESCALATED,
        stream: `case-escalated:${teamId}`,
        routingKey: `${tenantId}:${teamId}`,
        sinceVersion: since,
        toItem: (p, source: StateSource) => ({
          version: p.version,
          source,
          caseId: p.caseId,
          customerId: p.customerId,
          fromTeamId: p.fromTeamId ?? undefined,
          teamId: p.teamId,
          escalationLevel: p.escalationLevel,
          deadlines: p.deadlines,
          breached: p.breached,
          priority: p.priority,
          subject: p.subject,
          escalatedAt: new Date(p.escalatedAt),
        }),
      });
    },
    description:
      'Each case escalated to the team by the SLA job. With sinceVersion: first those after it (MISSED), then LIVE ones, each once and in order. Staff who work cases; a team of another tenant is NOT_FOUND.',
  })
  caseEscalated(
    @Arg('teamId', () => ID, { description: 'The team whose escalations to follow.' }) _teamId: string,
    @Arg('sinceVersion', () => Int, SINCE) _sinceVersion: number | undefined,
    @Root() item: CaseEscalation,
  ): CaseEscalation {
    return item;
  }
}
