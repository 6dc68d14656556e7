import { Field, ID, InputType, ObjectType } from 'type-graphql';

import { Customer, type CustomerRecord } from './customer.entity';
import { CustomerMerge } from './merge.entity';

@InputType({ description: 'Two profiles of one person: the duplicate goes into the survivor.' })
export class MergeCustomersInput {
  @Field(() => ID, { description: 'The profile that stays.' })
  survivorId!: string;

  @Field(() => ID, {
    description:
      'The duplicate: its identifiers, points, timeline and higher tier go to the survivor; its id then answers with the survivor.',
  })
  mergedId!: string;

  @Field({ description: 'Why (kept with the merge, for the audit trail).' })
  reason!: string;

  @Field({ description: 'A retry with the same key answers with the same merge.' })
  idempotencyKey!: string;
}

@ObjectType({ description: 'The merge made (or replayed) and the survivor as it is now.' })
export class MergeCustomersResult {
  @Field(() => CustomerMerge, { description: 'The merge record.' })
  merge!: CustomerMerge;

  @Field(() => Customer, { description: 'The profile that stayed, with what came over.' })
  survivor!: CustomerRecord;

  @Field({ description: 'True when this answers a retry of a merge already made.' })
  replayed!: boolean;
}

@InputType({ description: 'A merge to undo.' })
export class UnmergeCustomersInput {
  @Field(() => ID, { description: 'The merge.' })
  mergeId!: string;

  @Field({ nullable: true, description: 'Why, for the audit trail.' })
  reason?: string;
}

@ObjectType({ description: 'The undone merge and the profile it restored.' })
export class UnmergeCustomersResult {
  @Field(() => CustomerMerge, { description: 'With its unmergeReport: what went back and what could not.' })
  merge!: CustomerMerge;

  @Field(() => Customer, { description: 'The profile that was merged, restored.' })
  restored!: CustomerRecord;

  @Field({ description: 'True when the merge had already been undone (an unmerge is idempotent by its merge).' })
  replayed!: boolean;
}
