import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum ProgramChangeKind {
  TIER = 'TIER',
  BENEFIT = 'BENEFIT',
  REWARD = 'REWARD',
  PROMOTION = 'PROMOTION',
}

registerEnumType(ProgramChangeKind, {
  name: 'ProgramChangeKind',
  description: 'What part of the program changed.',
  valuesConfig: {
    TIER: { description: 'A tier.' },
    BENEFIT: { description: 'A tier benefit.' },
    REWARD: { description: 'A reward.' },
    PROMOTION: { description: 'An earning rule.' },
  },
});

@ObjectType({
  description: 'Something a till shows changed: fetch it again (tiers, tierBenefits, rewards, earningRules).',
})
export class ProgramChange {
  @Field(() => ProgramChangeKind, { description: 'What changed.' })
  kind!: ProgramChangeKind;

  @Field(() => ID, { description: 'The id of what changed.' })
  id!: string;

  @Field({ nullable: true, description: 'Its code.' })
  code?: string;

  @Field({ description: 'INSERT, UPDATE or DELETE.' })
  operation!: string;

  @Field({ description: 'When the change was committed.' })
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
