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

registerEnumType(OfflineOperationType, {
  name: 'OfflineOperationType',
  description: 'What a till did while offline.',
  valuesConfig: {
    PURCHASE: { description: 'Recorded a purchase.' },
    REDEEM_REWARD: { description: 'Redeemed a reward for a voucher.' },
    CONSUME_VOUCHER: { description: 'Accepted a voucher.' },
  },
});
registerEnumType(OfflineOutcome, {
  name: 'OfflineOutcome',
  description: 'What became of an offline operation.',
  valuesConfig: {
    APPLIED: { description: 'Applied now.' },
    ALREADY_APPLIED: {
      description:
        'The same operation (same idempotency key and content) was applied before: nothing was booked again.',
    },
    REJECTED: { description: 'Refused; see `error`. The other operations still apply.' },
  },
});

@InputType({
  description:
    'One operation a till queued while offline. Fields by type: PURCHASE customerId, orderId, lines; REDEEM_REWARD customerId, rewardId; CONSUME_VOUCHER voucherCode.',
})
export class OfflineOperationInput {
  @Field(() => OfflineOperationType, { description: 'What the till did.' })
  type!: OfflineOperationType;

  @Field({
    description: 'The key the till gave the operation when it queued it; a resend with it books nothing twice.',
  })
  idempotencyKey!: string;

  @Field({
    description: 'When it happened at the till. Purchases are evaluated as of then (rules, dates, pending period).',
  })
  occurredAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The member (PURCHASE, REDEEM_REWARD).' })
  customerId?: string;

  @Field({ nullable: true, description: 'The order id (PURCHASE).' })
  orderId?: string;

  @Field(() => [PurchaseLineInput], { nullable: true, description: 'What was bought (PURCHASE).' })
  lines?: PurchaseLineInput[];

  @Field(() => ID, { nullable: true, description: 'The reward redeemed (REDEEM_REWARD).' })
  rewardId?: string;

  @Field({ nullable: true, description: 'The voucher accepted (CONSUME_VOUCHER).' })
  voucherCode?: string;
}

@ObjectType({ description: 'Why one operation of a batch was refused, as a GraphQL error would say it.' })
export class OperationError {
  @Field({ description: "The error's extensions.code, e.g. BAD_USER_INPUT or CONFLICT." })
  code!: string;

  @Field({ nullable: true, description: 'The domain reason, e.g. INSUFFICIENT_POINTS.' })
  reason?: string;

  @Field({ nullable: true, description: 'e.g. operations.3.customerId' })
  field?: string;

  @Field({ description: 'For people to read.' })
  message!: string;
}

@ObjectType({ description: 'What one offline operation did.' })
export class OfflineOperationResult {
  @Field(() => Int, { description: 'Its position in the batch, from 0.' })
  index!: number;

  @Field({ description: 'The key it was sent with.' })
  idempotencyKey!: string;

  @Field(() => OfflineOperationType, { description: 'What it was.' })
  type!: OfflineOperationType;

  @Field(() => OfflineOutcome, { description: 'Applied, already applied, or rejected.' })
  outcome!: OfflineOutcome;

  @Field(() => OperationError, { nullable: true, description: 'Why it was rejected; null otherwise.' })
  error?: OperationError;

  @Field(() => PurchaseResult, { nullable: true, description: 'The purchase recorded (PURCHASE).' })
  purchase?: PurchaseResult;

  @Field(() => VoucherView, {
    nullable: true,
    description: 'The voucher issued (REDEEM_REWARD) or used (CONSUME_VOUCHER).',
  })
  voucher?: VoucherView;
}

@ObjectType({ description: 'What a batch of offline operations did.' })
export class OfflineSyncResult {
  @Field(() => Int, { description: 'Operations applied by this call.' })
  applied!: number;

  @Field(() => Int, { description: 'Operations applied before, by an earlier send.' })
  alreadyApplied!: number;

  @Field(() => Int, { description: 'Operations refused; their results carry the error.' })
  rejected!: number;

  @Field(() => [OfflineOperationResult], { description: 'One per operation, in the order sent.' })
  results!: OfflineOperationResult[];
}
