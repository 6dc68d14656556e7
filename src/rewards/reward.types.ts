import { SafeIntResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { TransactionView } from '../ledger/ledger.types';
import { Channel } from '../shared/channel';
import { Reward, VoucherStatus } from './reward.entity';

@InputType()
export class RewardInput {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => Int)
  pointsCost!: number;

  @Field(() => SafeIntResolver, { description: 'Minor units.' })
  costToBusiness!: number;

  @Field(() => SafeIntResolver, { description: 'Minor units.' })
  retailValue!: number;

  @Field(() => Int, { nullable: true, description: 'Omit for unlimited.' })
  stock?: number;

  @Field(() => Int, { nullable: true })
  perCustomerLimit?: number;

  @Field(() => [ID], { nullable: true })
  eligibleTierIds?: string[];

  @Field(() => [Channel], { nullable: true })
  channels?: Channel[];

  @Field({ nullable: true })
  validFrom?: Date;

  @Field({ nullable: true })
  validUntil?: Date;
}

@InputType()
export class RedeemRewardInput {
  @Field(() => ID)
  customerId!: string;

  @Field(() => ID)
  rewardId!: string;

  @Field(() => Channel, { nullable: true })
  channel?: Channel;

  @Field()
  idempotencyKey!: string;
}

@InputType()
export class ConsumeVoucherInput {
  @Field({ description: 'As printed; case and dashes do not matter.' })
  code!: string;

  @Field(() => ID)
  storeId!: string;

  @Field()
  idempotencyKey!: string;
}

@InputType()
export class CancelVoucherInput {
  @Field()
  code!: string;

  @Field()
  idempotencyKey!: string;
}

@ObjectType({ description: 'A single-use voucher for a redeemed reward.' })
export class VoucherView {
  @Field({ description: 'Grouped for reading aloud and typing: XXXX-XXXX-XXXX.' })
  code!: string;

  @Field(() => VoucherStatus)
  status!: VoucherStatus;

  @Field(() => Reward)
  reward!: Reward;

  @Field(() => ID)
  customerId!: string;

  @Field(() => Int)
  pointsCost!: number;

  @Field()
  expiresAt!: Date;

  @Field({ description: 'Whether a till may accept it now.' })
  valid!: boolean;

  @Field({ nullable: true, description: 'Why not, when it is not valid.' })
  invalidReason?: string;

  @Field()
  issuedAt!: Date;

  @Field({ nullable: true })
  consumedAt?: Date;

  @Field(() => ID, { nullable: true })
  consumedStoreId?: string;

  @Field({ nullable: true })
  cancelledAt?: Date;
}

@ObjectType()
export class RedeemRewardResult {
  @Field(() => VoucherView)
  voucher!: VoucherView;

  @Field(() => TransactionView)
  transaction!: TransactionView;

  @Field()
  replayed!: boolean;
}
