import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';

import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { OfflineSyncService } from './offline-sync.service';
import { OfflineOperationInput, OfflineSyncResult } from './offline-sync.types';

@Resolver()
export class OfflineSyncResolver {
  constructor(private readonly offline: OfflineSyncService) {}

  @Authorized(Access.recordPurchase)
  @Mutation(() => OfflineSyncResult, {
    description:
      'Operations a till queued offline, applied in order, each under its own idempotency key with its own result; resending the batch books nothing twice. OWNER, ADMIN, SUPERVISOR, POS or SERVICE.',
  })
  syncOfflineOperations(
    @Arg('storeId', () => ID, { description: "The till's store; a POS key may sync its own store only." })
    storeId: string,
    @Arg('operations', () => [OfflineOperationInput], { description: 'The queued operations, oldest first.' })
    operations: OfflineOperationInput[],
    @Ctx() ctx: Context,
  ): Promise<OfflineSyncResult> {
    return this.offline.sync(ctx, storeId, operations);
  }
}
