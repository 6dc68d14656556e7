import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { PurchaseLineInput, PurchaseResult } from '../earning/earning.types';
import { VoucherView } from '../rewards/reward.types';

export enum OfflineOperationType {
  PURCHASE = 'PURCHASE',
  REDEEM_REWARD = 'REDEEM_REWARD',
  CONSUME_VOUCHER = 'CONSUME_VOUCHER',
}

export enum OfflineOutcome {
  APPLIED = 'APPLIED',
  /** The same operation (same idempotency key and content) was applied before: nothing was booked again. */
  ALREADY_APPLIED = 'ALREADY_APPLIED',
  REJECTED = 'REJECTED',
}

registerEnumType(OfflineOperationType, { name: 'OfflineOperationType' });
registerEnumType(OfflineOutcome, { name: 'OfflineOutcome' });

@InputType({
  description:
    'One operation a till queued while offline. Fields by type: PURCHASE customerId, orderId, lines; REDEEM_REWARD customerId, rewardId; CONSUME_VOUCHER voucherCode.',
})
export class OfflineOperationInput {
  @Field(() => OfflineOperationType)
  type!: OfflineOperationType;

  @Field({
    description: 'The key the till gave the operation when it queued it; a resend with it books nothing twice.',
  })
  idempotencyKey!: string;

  @Field({
    description: 'When it happened at the till. Purchases are evaluated as of then (rules, dates, pending period).',
  })
  occurredAt!: Date;

  @Field(() => ID, { nullable: true })
  customerId?: string;

  @Field({ nullable: true })
  orderId?: string;

  @Field(() => [PurchaseLineInput], { nullable: true })
  lines?: PurchaseLineInput[];

  @Field(() => ID, { nullable: true })
  rewardId?: string;

  @Field({ nullable: true })
  voucherCode?: string;
}

@ObjectType()
export class OperationError {
  @Field()
  code!: string;

  @Field({ nullable: true })
  reason?: string;

  @Field({ nullable: true, description: 'e.g. operations.3.customerId' })
  field?: string;

  @Field()
  message!: string;
}

@ObjectType()
export class OfflineOperationResult {
  @Field(() => Int)
  index!: number;

  @Field()
  idempotencyKey!: string;

  @Field(() => OfflineOperationType)
  type!: OfflineOperationType;

  @Field(() => OfflineOutcome)
  outcome!: OfflineOutcome;

  @Field(() => OperationError, { nullable: true })
  error?: OperationError;

  @Field(() => PurchaseResult, { nullable: true })
  purchase?: PurchaseResult;

  @Field(() => VoucherView, {
    nullable: true,
    description: 'The voucher issued (REDEEM_REWARD) or used (CONSUME_VOUCHER).',
  })
  voucher?: VoucherView;
}

@ObjectType()
export class OfflineSyncResult {
  @Field(() => Int)
  applied!: number;

  @Field(() => Int)
  alreadyApplied!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => [OfflineOperationResult], { description: 'One per operation, in the order sent.' })
  results!: OfflineOperationResult[];
}
