import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

import { SupportCase } from './case.types';

@ObjectType({ description: "A cause in the tenant's root-cause taxonomy." })
export class RootCause {
  @Field({ description: 'Upper case, unique within the tenant, e.g. LATE-DELIVERY.' })
  code!: string;

  @Field({ description: 'What agents and reports show.' })
  label!: string;

  @Field({ nullable: true, description: 'The broader cause it belongs to.' })
  parentCode?: string;

  @Field({ nullable: true, description: 'When it was retired: closed cases keep it; new resolutions cannot use it.' })
  retiredAt?: Date;
}

@InputType({ description: 'A cause of the taxonomy.' })
export class RootCauseInput {
  @Field({ description: 'Letters, digits, - and _, up to 50 characters (stored upper case).' })
  code!: string;

  @Field({ description: 'Up to 200 characters.' })
  label!: string;

  @Field({ nullable: true, description: 'The code of a broader cause in the same list.' })
  parentCode?: string;
}

@ObjectType({ description: "A supervisor's review of a closed case's root cause." })
export class RootCauseReview {
  @Field(() => ID, { description: 'The case.' })
  caseId!: string;

  @Field({ description: 'The cause the case was resolved with.' })
  originalCause!: string;

  @Field({ description: 'The cause the reviewer found: the same (agreed) or a correction.' })
  confirmedCause!: string;

  @Field({ description: 'True when the reviewer agreed with the original cause.' })
  agreed!: boolean;

  @Field({ description: 'Who reviewed it.' })
  auditor!: string;

  @Field({ description: 'When.' })
  auditedAt!: Date;
}

@ObjectType({ description: 'A sample of closed cases to review, and how often reviews agreed so far.' })
export class RootCauseAudit {
  @Field(() => [SupportCase], {
    description: 'Closed cases not yet reviewed, drawn at random from the period (by default the last 90 days).',
  })
  sample!: SupportCase[];

  @Field(() => Int, { description: 'Cases reviewed (of those closed in the period, or all when none is given).' })
  reviewed!: number;

  @Field(() => Int, { description: 'Of those, the reviews that agreed with the original cause.' })
  agreed!: number;

  @Field(() => Float, { nullable: true, description: 'agreed / reviewed, 0 to 1; null before any review.' })
  agreementRate?: number;
}
