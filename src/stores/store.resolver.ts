import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';

import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { Store } from './store.entity';
import { StoreService } from './store.service';
import { CreateStoreInput } from './store.types';

@Resolver(() => Store)
export class StoreResolver {
  constructor(private readonly storeService: StoreService) {}

  @Authorized(Access.manageStores)
  @Mutation(() => Store, { description: 'Adds a store to the tenant. OWNER or ADMIN.' })
  createStore(
    @Arg('input', { description: 'The store.' }) input: CreateStoreInput,
    @Ctx() ctx: Context,
  ): Promise<Store> {
    return this.storeService.create(ctx, input);
  }

  @Authorized(Access.readStores)
  @Query(() => Store, { description: 'One store of the tenant. Any staff key.' })
  store(@Arg('id', () => ID, { description: "The store's id." }) id: string, @Ctx() ctx: Context): Promise<Store> {
    return this.storeService.get(ctx, id);
  }

  @Authorized(Access.readStores)
  @Query(() => [Store], { description: 'Every store of the tenant. Any staff key.' })
  stores(@Ctx() ctx: Context): Promise<Store[]> {
    return this.storeService.list(ctx);
  }
}
