import {
  Arg,
  Authorized,
  Ctx,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  type SubscribeResolverData,
  Subscription,
} from 'type-graphql';

import { StateSource } from '../realtime/loyalty-state.types';
import { Topic } from '../realtime/pubsub';
import { followStreamEvents } from '../realtime/versioned-stream';
import { assertRole, requireTenant } from '../shared/auth/guards';
import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { inputError, InputErrorCode } from '../shared/errors';
import { PAGE_AFTER, PAGE_FIRST } from '../shared/graphql/connection';
import { isUuid } from '../shared/validation';
import type { SignalType } from '../signals/signal.types';
import { playbookError, PlaybookErrorCode } from './playbook.errors';
import { teamAlertStream } from './playbook.logic';
import { PlaybookService } from './playbook.service';
import { teamExists } from './playbook.store';
import { Playbook, PlaybookFiringConnection, PlaybookFiringFilter, PlaybookInput, TeamAlert } from './playbook.types';

/** TEAM_ALERT as recorded (playbook.engine.ts); `version` is added by the stream. */
interface TeamAlertPayload extends Record<string, unknown> {
  teamId: string;
  customerId: string;
  playbookId: string;
  playbookName: string;
  firingId: string;
  signal: SignalType;
  caseId: string | null;
  message: string;
  alertedAt: string;
}

@Resolver()
export class PlaybookResolver {
  constructor(private readonly service: PlaybookService) {}

  @Authorized(Access.managePlaybooks)
  @Query(() => [Playbook], { description: "The tenant's playbooks, by code. OWNER or ADMIN." })
  playbooks(
    @Ctx() ctx: Context,
    @Arg('includeRetired', { defaultValue: false, description: 'True lists retired playbooks too.' })
    includeRetired: boolean,
  ): Promise<Playbook[]> {
    return this.service.list(ctx, includeRetired);
  }

  @Authorized(Access.workCases)
  @Query(() => PlaybookFiringConnection, {
    description:
      'What playbooks did, newest first: each firing with the signal behind it and the outcome of each action. OWNER, ADMIN, SUPERVISOR or AGENT.',
  })
  playbookFirings(
    @Ctx() ctx: Context,
    @Arg('filter', () => PlaybookFiringFilter, {
      nullable: true,
      description: 'Only the firings that match every condition given.',
    })
    filter?: PlaybookFiringFilter,
    @Arg('first', () => Int, PAGE_FIRST) first?: number,
    @Arg('after', () => String, PAGE_AFTER)
    after?: string,
  ): Promise<PlaybookFiringConnection> {
    return this.service.firings(ctx, filter, first, after);
  }

  @Authorized(Access.managePlaybooks)
  @Mutation(() => Playbook, {
    description:
      'Creates an active playbook: it acts on signals raised from then on. Another playbook with the same code is CONFLICT (PLAYBOOK_TAKEN); a retry with the same idempotency key returns the first one. OWNER or ADMIN.',
  })
  createPlaybook(
    @Arg('input', { description: 'The playbook.' }) input: PlaybookInput,
    @Ctx() ctx: Context,
  ): Promise<Playbook> {
    return this.service.create(ctx, input);
  }

  @Authorized(Access.managePlaybooks)
  @Mutation(() => Playbook, {
    description: "Replaces an active playbook's definition; firings keep the version they ran. OWNER or ADMIN.",
  })
  updatePlaybook(
    @Arg('id', () => ID, { description: 'The playbook to change.' }) id: string,
    @Arg('input', { description: 'The whole new definition.' }) input: PlaybookInput,
    @Ctx() ctx: Context,
  ): Promise<Playbook> {
    return this.service.update(ctx, id, input);
  }

  @Authorized(Access.managePlaybooks)
  @Mutation(() => Playbook, {
    description: 'Stops a playbook for good; its firings stay. Retiring it again changes nothing. OWNER or ADMIN.',
  })
  retirePlaybook(
    @Arg('id', () => ID, { description: 'The playbook to retire.' }) id: string,
    @Arg('idempotencyKey', {
      description:
        'A retry with the same key and id returns the playbook as it is now; the same key with another id, or from another caller, is a CONFLICT.',
    })
    idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<Playbook> {
    return this.service.retire(ctx, id, idempotencyKey);
  }

  @Subscription(() => TeamAlert, {
    subscribe: async ({
      args,
      context,
    }: SubscribeResolverData<unknown, { teamId: string; sinceVersion?: number | null }, Context>) => {
      assertRole(context, Access.workCases);
      const tenantId = requireTenant(context);
      const since = args.sinceVersion ?? null;
      if (since !== null && (!Number.isInteger(since) || since < 0))
        throw inputError(InputErrorCode.INVALID, 'sinceVersion must be a version this client received', 'sinceVersion');
      const teamId = String(args.teamId).toLowerCase();
      if (!isUuid(teamId) || !(await teamExists(context.em, tenantId, teamId)))
        throw playbookError(PlaybookErrorCode.TEAM_NOT_FOUND, `No team ${teamId}`, 'teamId');
      return followStreamEvents<TeamAlertPayload, TeamAlert>({
        bus: context.bus,
        em: () => context.em,
        topic: Topic.TEAM_ALERT,
        stream: teamAlertStream(teamId),
        routingKey: `${tenantId}:${teamId}`,
        sinceVersion: since,
        toItem: (payload, source: StateSource) => ({
          version: payload.version,
          source,
          teamId: payload.teamId,
          customerId: payload.customerId,
          playbookId: payload.playbookId,
          playbookName: payload.playbookName,
          firingId: payload.firingId,
          signal: payload.signal,
          caseId: payload.caseId ?? undefined,
          message: payload.message,
          alertedAt: new Date(payload.alertedAt),
        }),
      });
    },
    description:
      'Alerts playbooks raise for a team on the agent desktop. With sinceVersion: first each alert after it (MISSED), then LIVE ones, in order, each once; without: LIVE ones from now. OWNER, ADMIN, SUPERVISOR or AGENT.',
  })
  teamAlert(
    @Arg('teamId', () => ID, { description: 'The team to follow.' }) _teamId: string,
    @Arg('sinceVersion', () => Int, {
      nullable: true,
      description: 'The last version the client has; alerts after it come first.',
    })
    _sinceVersion: number | undefined,
    @Root() alert: TeamAlert,
  ): TeamAlert {
    return alert;
  }
}
