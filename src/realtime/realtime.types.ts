import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum ProgramChangeKind {
  TIER = 'TIER',
  BENEFIT = 'BENEFIT',
  REWARD = 'REWARD',
  PROMOTION = 'PROMOTION',
}

registerEnumType(ProgramChangeKind, { name: 'ProgramChangeKind' });

@ObjectType({
  description: 'Something a till shows changed: fetch it again (tiers, tierBenefits, rewards, earningRules).',
})
export class ProgramChange {
  @Field(() => ProgramChangeKind)
  kind!: ProgramChangeKind;

  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  code?: string;

  @Field({ description: 'INSERT, UPDATE or DELETE.' })
  operation!: string;

  @Field()
  changedAt!: Date;
}

/** PROGRAM_CHANGED as the trigger `program_change_outbox` (program/sql/program-change-outbox.sql) writes it. */
export interface ProgramChangePayload {
  kind: ProgramChangeKind;
  id: string;
  code: string | null;
  operation: string;
  storeIds: string[];
  regions: string[];
  changedAt: string;
}
