import { SafeIntResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { Customer, type CustomerRecord } from '../customers/customer.entity';
import { StateSource } from '../realtime/loyalty-state.types';
import { ConnectionType } from '../shared/graphql/connection';
import { ChurnRiskLevel, ChurnSignal, HealthBand, HealthComponentName } from './health.logic';

registerEnumType(HealthComponentName, {
  name: 'HealthComponentName',
  description: 'A part of the health score; each is a value from 0 to 100 (docs/api/health.md gives the formulas).',
  valuesConfig: {
    RECENCY: { description: 'How recently the customer bought: 100 today, falling to 0 at the recency horizon.' },
    FREQUENCY: { description: 'Purchases in the last 365 days against the visits target.' },
    MONETARY: { description: 'Net spend in the last 365 days against the spend target.' },
    ENGAGEMENT: { description: 'Earning (half) and redeeming (half) points in the last 365 days against targets.' },
    SUPPORT: { description: '100, less 25 for each open case and each case that missed an SLA in the last 365 days.' },
    SENTIMENT: { description: 'The latest NPS (score × 10) or CES ((score − 1) × 100 ÷ 6) answer; 50 without one.' },
  },
});
registerEnumType(HealthBand, {
  name: 'HealthBand',
  description: "Where the score falls against the tenant's band limits.",
  valuesConfig: {
    HEALTHY: { description: 'At or above healthyFrom.' },
    NEUTRAL: { description: 'Between the two limits.' },
    AT_RISK: { description: 'Below atRiskBelow.' },
  },
});
registerEnumType(ChurnRiskLevel, {
  name: 'ChurnRiskLevel',
  description: "The churn risk level: the risk score against the cut-offs of the customer's segment.",
  valuesConfig: {
    LOW: { description: 'Below the MEDIUM cut-off.' },
    MEDIUM: { description: 'At or above the MEDIUM cut-off.' },
    HIGH: { description: 'At or above the HIGH cut-off.' },
  },
});
registerEnumType(ChurnSignal, {
  name: 'ChurnSignal',
  description: 'Something that raises churn risk; each adds a fixed weight to the risk score.',
  valuesConfig: {
    INACTIVE: {
      description: "No purchase or points activity for longer than the segment's expected gap (35).",
    },
    FREQUENCY_FALLING: {
      description:
        "The time since the last purchase is over twice the customer's median gap between purchases (at least three purchases; 30).",
    },
    DETRACTOR: { description: 'The latest survey answer was a detractor (30).' },
    SLA_BREACH: { description: 'A support case of the customer missed an SLA in the last 90 days (30).' },
    DOWNGRADE_AHEAD: {
      description: 'The status period ends within 30 days (or is in its grace) and the tier is not kept yet (25).',
    },
    POINTS_EXPIRING: { description: 'Unused points expire within 30 days (25).' },
  },
});

@ObjectType({ description: 'One part of the health score, and what it adds to it.' })
export class HealthComponent {
  @Field(() => HealthComponentName, { description: 'Which part.' })
  name!: HealthComponentName;

  @Field(() => Float, { description: 'Its value, 0 to 100.' })
  value!: number;

  @Field(() => Float, { description: "Its weight's share of the total weight (the weights add up to 1)." })
  weight!: number;

  @Field(() => Float, {
    description:
      'value × weight, in cents of a point; the contributions add up exactly to the score (the largest takes the rounding).',
  })
  contribution!: number;
}

@ObjectType({ description: "A customer's composite health, explained. Internal profiling: staff only." })
export class HealthScore {
  @Field(() => Float, { description: 'From 0 to 100, two decimals: the sum of the contributions.' })
  score!: number;

  @Field(() => HealthBand, { description: "Where the score falls against the tenant's band limits." })
  band!: HealthBand;

  @Field(() => [HealthComponent], { description: 'Every component, in a fixed order.' })
  components!: HealthComponent[];

  @Field({ description: 'When it was computed (scores follow their inputs within seconds, see docs/api/health.md).' })
  computedAt!: Date;
}

@ObjectType({ description: 'A reason a customer may churn.' })
export class ChurnReason {
  @Field(() => ChurnSignal, { description: 'Which signal.' })
  signal!: ChurnSignal;

  @Field({ description: 'What was seen, in words (days, dates, amounts).' })
  detail!: string;

  @Field(() => Int, { description: 'What it adds to the risk score.' })
  weight!: number;
}

@ObjectType({ description: "A customer's churn risk and why. Internal profiling: staff only." })
export class ChurnRisk {
  @Field(() => ChurnRiskLevel, { description: "The level, from the risk score and the segment's cut-offs." })
  level!: ChurnRiskLevel;

  @Field(() => Int, { description: 'The sum of the weights of the reasons.' })
  score!: number;

  @Field(() => [ChurnReason], { description: 'Every signal that holds, heaviest first; empty when none does.' })
  reasons!: ChurnReason[];

  @Field(() => String, {
    nullable: true,
    description: "The segment whose thresholds applied; null for the tenant's default.",
  })
  segment!: string | null;

  @Field({ description: 'When it was computed.' })
  computedAt!: Date;
}

@ObjectType({ description: 'A customer at risk of churning, with the risk and health behind it.' })
export class AtRiskCustomer {
  @Field(() => Customer, { description: 'The customer.' })
  customer!: CustomerRecord;

  @Field(() => ChurnRisk, { description: 'Their churn risk.' })
  churnRisk!: ChurnRisk;

  @Field(() => HealthScore, { description: 'Their health score.' })
  health!: HealthScore;
}

export const AtRiskCustomerConnection = ConnectionType('AtRiskCustomer', AtRiskCustomer);
export type AtRiskCustomerConnection = InstanceType<typeof AtRiskCustomerConnection>;

@ObjectType({ description: 'The weight of each health component; the score divides by their total.' })
export class HealthWeightsView {
  @Field(() => Int, { description: 'Weight of RECENCY.' })
  recency!: number;

  @Field(() => Int, { description: 'Weight of FREQUENCY.' })
  frequency!: number;

  @Field(() => Int, { description: 'Weight of MONETARY.' })
  monetary!: number;

  @Field(() => Int, { description: 'Weight of ENGAGEMENT.' })
  engagement!: number;

  @Field(() => Int, { description: 'Weight of SUPPORT.' })
  support!: number;

  @Field(() => Int, { description: 'Weight of SENTIMENT.' })
  sentiment!: number;
}

@ObjectType({ description: 'The churn thresholds of one segment, or the tenant default (segment null).' })
export class ChurnThreshold {
  @Field(() => String, { nullable: true, description: "The segment; null for the tenant's default." })
  segment!: string | null;

  @Field(() => Int, { description: 'Days without a purchase or points activity after which a customer is INACTIVE.' })
  expectedGapDays!: number;

  @Field(() => Int, { description: 'MEDIUM risk from this risk score up.' })
  mediumFrom!: number;

  @Field(() => Int, { description: 'HIGH risk from this risk score up.' })
  highFrom!: number;

  @Field({ description: 'True for the built-in default, which applies while the tenant has set none.' })
  isDefault!: boolean;

  @Field(() => String, { nullable: true, description: 'Who set them (key:<id>); null for the built-in default.' })
  setBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'When they were set; null for the built-in default.' })
  setAt!: Date | null;
}

@ObjectType({ description: "How the tenant's health scores and churn risk are computed." })
export class HealthSettings {
  @Field(() => HealthWeightsView, { description: 'The weight of each component.' })
  weights!: HealthWeightsView;

  @Field(() => Int, { description: 'Days after the last purchase at which RECENCY reaches 0.' })
  recencyDays!: number;

  @Field(() => Int, { description: 'Purchases (and earns) in 365 days that make FREQUENCY (half of ENGAGEMENT) 100.' })
  visitsPerYear!: number;

  @Field(() => SafeIntResolver, { description: 'Net spend in 365 days, in minor units, that makes MONETARY 100.' })
  spendPerYear!: number;

  @Field(() => Int, { description: 'Redemptions in 365 days that make the other half of ENGAGEMENT 100.' })
  redemptionsPerYear!: number;

  @Field(() => Int, { description: 'HEALTHY from this score up.' })
  healthyFrom!: number;

  @Field(() => Int, { description: 'AT_RISK below this score; NEUTRAL between the two.' })
  atRiskBelow!: number;

  @Field({ description: 'True while the tenant has not set its own: the documented defaults apply.' })
  isDefault!: boolean;

  @Field(() => String, { nullable: true, description: 'Who set them (key:<id>); null for the defaults.' })
  setBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'When they were set; null for the defaults.' })
  setAt!: Date | null;

  @Field(() => [ChurnThreshold], {
    description: "Churn thresholds: the tenant's default first (segment null), then each segment's, by name.",
  })
  churnThresholds!: ChurnThreshold[];
}

@InputType({
  description:
    'Weights of the health components (0 to 100 each, at least one above 0; the score divides by their total), and optionally the scales and bands. Left out: the default.',
})
export class SetHealthWeightsInput {
  @Field(() => Int, { description: 'Weight of RECENCY (default 20).' })
  recency!: number;

  @Field(() => Int, { description: 'Weight of FREQUENCY (default 20).' })
  frequency!: number;

  @Field(() => Int, { description: 'Weight of MONETARY (default 15).' })
  monetary!: number;

  @Field(() => Int, { description: 'Weight of ENGAGEMENT (default 15).' })
  engagement!: number;

  @Field(() => Int, { description: 'Weight of SUPPORT (default 15).' })
  support!: number;

  @Field(() => Int, { description: 'Weight of SENTIMENT (default 15).' })
  sentiment!: number;

  @Field(() => Int, { nullable: true, description: 'Days at which RECENCY reaches 0, 1 to 3650 (default 180).' })
  recencyDays?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Purchases a year that make FREQUENCY 100, 1 to 10,000 (default 12).',
  })
  visitsPerYear?: number | null;

  @Field(() => SafeIntResolver, {
    nullable: true,
    description: 'Net spend a year, in minor units, that makes MONETARY 100 (default 100,000).',
  })
  spendPerYear?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Redemptions a year that make half of ENGAGEMENT 100, 1 to 1000 (default 2).',
  })
  redemptionsPerYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'HEALTHY from this score up, 0 to 100 (default 70).' })
  healthyFrom?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'AT_RISK below this score, 0 to 100 and not above healthyFrom (default 40).',
  })
  atRiskBelow?: number | null;

  @Field({
    description:
      'A retry with the same key and input returns the first result; the same key with other input, or from another caller, is a CONFLICT.',
  })
  idempotencyKey!: string;
}

@ObjectType({ description: 'The settings a setHealthWeights call stored.' })
export class SetHealthWeightsResult {
  @Field(() => HealthSettings, { description: 'The settings now in force.' })
  settings!: HealthSettings;

  @Field({ description: 'True when this answers a retry with the same idempotency key.' })
  replayed!: boolean;
}

@InputType({ description: "The acceptable churn of one segment (or the tenant's default, for everyone else)." })
export class SetChurnThresholdsInput {
  @Field(() => String, {
    nullable: true,
    description:
      "A value of Customer.segments; null for the tenant's default, which applies to customers in no segment with thresholds of their own.",
  })
  segment?: string | null;

  @Field(() => Int, {
    description:
      'Days without a purchase or points activity after which a customer is INACTIVE, 1 to 3650 (default 60).',
  })
  expectedGapDays!: number;

  @Field(() => Int, { description: 'MEDIUM risk from this risk score up, 1 to 1000 (default 25).' })
  mediumFrom!: number;

  @Field(() => Int, { description: 'HIGH risk from this risk score up, above mediumFrom (default 60).' })
  highFrom!: number;

  @Field({
    description:
      'A retry with the same key and input returns the first result; the same key with other input, or from another caller, is a CONFLICT.',
  })
  idempotencyKey!: string;
}

@ObjectType({ description: 'The thresholds a setChurnThresholds call stored.' })
export class SetChurnThresholdsResult {
  @Field(() => ChurnThreshold, { description: 'The thresholds now in force for the segment.' })
  threshold!: ChurnThreshold;

  @Field({ description: 'True when this answers a retry with the same idempotency key.' })
  replayed!: boolean;
}

@ObjectType({ description: 'A customer crossed into HIGH churn risk.' })
export class ChurnRiskRaisedEvent {
  @Field(() => Int, { description: "The event's version in the tenant's churn-risk stream (1, 2, 3... no gaps)." })
  version!: number;

  @Field(() => StateSource, { description: 'MISSED (replayed after sinceVersion) or LIVE.' })
  source!: StateSource;

  @Field(() => ID, { description: 'The customer.' })
  customerId!: string;

  @Field(() => ChurnRiskLevel, { description: 'The level before.' })
  from!: ChurnRiskLevel;

  @Field(() => Int, { description: 'The risk score.' })
  score!: number;

  @Field(() => [ChurnReason], { description: 'Why, heaviest first.' })
  reasons!: ChurnReason[];

  @Field({ description: 'When the risk was computed.' })
  computedAt!: Date;
}

/** CHURN_RISK_RAISED as WRITE_SQL (health.sql.ts) writes it into the outbox. */
export interface ChurnRiskRaisedPayload extends Record<string, unknown> {
  customerId: string;
  level: ChurnRiskLevel;
  from: ChurnRiskLevel;
  score: number;
  reasons: ChurnReason[];
  computedAt: string;
}
