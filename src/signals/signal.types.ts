import { registerEnumType } from 'type-graphql';

/** Something about a customer worth acting on; playbooks map each to actions. */
export enum SignalType {
  DETRACTOR_RESPONSE = 'DETRACTOR_RESPONSE',
  SLA_BREACHED = 'SLA_BREACHED',
  CHURN_RISK_RAISED = 'CHURN_RISK_RAISED',
  DOWNGRADE_AHEAD = 'DOWNGRADE_AHEAD',
  POINTS_EXPIRING = 'POINTS_EXPIRING',
  /** An event ingested from another system (`payload.eventType` says which, e.g. order.cancelled). */
  EVENT_INGESTED = 'EVENT_INGESTED',
}

registerEnumType(SignalType, {
  name: 'SignalType',
  description: 'Something about a customer worth acting on; playbooks map each to actions.',
  valuesConfig: {
    DETRACTOR_RESPONSE: { description: "A survey response under the tenant's detractor threshold." },
    SLA_BREACHED: { description: 'A support case passed its first-response or resolution deadline.' },
    CHURN_RISK_RAISED: { description: 'The customer crossed into high churn risk.' },
    DOWNGRADE_AHEAD: { description: 'The customer will drop a tier at the end of the period unless they qualify.' },
    POINTS_EXPIRING: { description: 'Points expire soon and the customer has not used them.' },
    EVENT_INGESTED: { description: 'An event from another system, such as a cancelled order (its type is matched).' },
  },
});

/** A signal as recorded. */
export interface RaisedSignal {
  readonly id: string;
  readonly tenantId: string;
  readonly customerId: string;
  readonly type: SignalType;
  /** What caused it (a response id, a case and deadline, a customer and period...): one signal per cause. */
  readonly cause: string;
  readonly payload: Record<string, unknown>;
}
