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
  @Mutation(() => Store)
  createStore(@Arg('input') input: CreateStoreInput, @Ctx() ctx: Context): Promise<Store> {
    return this.storeService.create(ctx, input);
  }

  @Authorized(Access.readStores)
  @Query(() => Store)
  store(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Store> {
    return this.storeService.get(ctx, id);
  }

  @Authorized(Access.readStores)
  @Query(() => [Store])
  stores(@Ctx() ctx: Context): Promise<Store[]> {
    return this.storeService.list(ctx);
  }
}
