import { SafeIntResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { TransactionView } from '../ledger/ledger.types';
import { Channel } from '../shared/channel';
import { Reward, VoucherStatus } from './reward.entity';

@InputType({ description: 'The definition of a reward.' })
export class RewardInput {
  @Field({ description: 'Short code, unique within the tenant.' })
  code!: string;

  @Field({ description: 'The name members see.' })
  name!: string;

  @Field(() => Int, { description: 'Points one redemption costs the member.' })
  pointsCost!: number;

  @Field(() => SafeIntResolver, { description: 'Minor units.' })
  costToBusiness!: number;

  @Field(() => SafeIntResolver, { description: 'Minor units.' })
  retailValue!: number;

  @Field(() => Int, { nullable: true, description: 'Omit for unlimited.' })
  stock?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Most vouchers one customer may hold or have used; omit for no limit.',
  })
  perCustomerLimit?: number;

  @Field(() => [ID], { nullable: true, description: 'Only members of these tiers; omit for every tier.' })
  eligibleTierIds?: string[];

  @Field(() => [Channel], { nullable: true, description: 'Where it can be redeemed; omit for everywhere.' })
  channels?: Channel[];

  @Field({ nullable: true, description: 'Redeemable from then on.' })
  validFrom?: Date;

  @Field({ nullable: true, description: 'Redeemable until then.' })
  validUntil?: Date;
}

@InputType({ description: 'A reward to redeem for a member.' })
export class RedeemRewardInput {
  @Field(() => ID, { description: 'The member; a customer token may redeem only for itself.' })
  customerId!: string;

  @Field(() => ID, { description: 'The reward.' })
  rewardId!: string;

  @Field(() => Channel, { nullable: true, description: "Defaults to the caller's channel." })
  channel?: Channel;

  @Field({
    description:
      'A retry with the same key and input returns the first result and books nothing; the same key with other input is a CONFLICT.',
  })
  idempotencyKey!: string;
}

@InputType({ description: 'A voucher a till accepts.' })
export class ConsumeVoucherInput {
  @Field({ description: 'As printed; case and dashes do not matter.' })
  code!: string;

  @Field(() => ID, { description: "The store where it is used; a POS key's own store." })
  storeId!: string;

  @Field({ description: 'A retry with the same key returns the first result.' })
  idempotencyKey!: string;
}

@InputType({ description: 'A voucher to cancel.' })
export class CancelVoucherInput {
  @Field({ description: 'As printed; case and dashes do not matter.' })
  code!: string;

  @Field({ description: 'A retry with the same key returns the first result.' })
  idempotencyKey!: string;
}

@ObjectType({ description: 'A single-use voucher for a redeemed reward.' })
export class VoucherView {
  @Field({ description: 'Grouped for reading aloud and typing: XXXX-XXXX-XXXX.' })
  code!: string;

  @Field(() => VoucherStatus, { description: 'Issued, used, or cancelled.' })
  status!: VoucherStatus;

  @Field(() => Reward, { description: 'The reward it was issued for.' })
  reward!: Reward;

  @Field(() => ID, { description: 'The member who redeemed it.' })
  customerId!: string;

  @Field(() => Int, { description: 'Points it was redeemed for.' })
  pointsCost!: number;

  @Field({ description: 'The last moment it can be used.' })
  expiresAt!: Date;

  @Field({ description: 'Whether a till may accept it now.' })
  valid!: boolean;

  @Field({ nullable: true, description: 'Why not, when it is not valid.' })
  invalidReason?: string;

  @Field({ description: 'When it was issued.' })
  issuedAt!: Date;

  @Field({ nullable: true, description: 'When it was used; null until then.' })
  consumedAt?: Date;

  @Field(() => ID, { nullable: true, description: 'The store where it was used.' })
  consumedStoreId?: string;

  @Field({ nullable: true, description: 'When it was cancelled; null unless cancelled.' })
  cancelledAt?: Date;
}

@ObjectType({ description: 'The voucher issued and the points debited.' })
export class RedeemRewardResult {
  @Field(() => VoucherView, { description: 'The single-use voucher.' })
  voucher!: VoucherView;

  @Field(() => TransactionView, { description: 'The REDEEM transaction.' })
  transaction!: TransactionView;

  @Field({ description: 'True when this answers a retry with the same idempotency key.' })
  replayed!: boolean;
}
