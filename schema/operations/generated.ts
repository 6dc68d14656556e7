/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What a tier benefit gives. */
export type BenefitKind =
  /** A dedicated support line. */
  | 'DEDICATED_SUPPORT'
  /** Early access to sales or launches. */
  | 'EARLY_ACCESS'
  /** Free shipping. */
  | 'FREE_SHIPPING'
  /** Lounge access. */
  | 'LOUNGE_ACCESS'
  /** Anything else, described by its title. */
  | 'OTHER'
  /** Monetary: `value` percent off, applied by the till or the shop. */
  | 'PERCENT_DISCOUNT'
  /** Monetary: purchase base points are multiplied by `value`/100 (150 = 1.5x). */
  | 'POINTS_MULTIPLIER';

/** Where an interaction happened. */
export type Channel =
  /** A contact-center agent's desktop. */
  | 'AGENT'
  /** A back-end integration or an administrator's tool. */
  | 'API'
  /** The business's mobile app. */
  | 'MOBILE'
  /** A till in a store. */
  | 'POS'
  /** The business's web site. */
  | 'WEB';

/** The churn risk level: the risk score against the cut-offs of the customer's segment. */
export type ChurnRiskLevel =
  /** At or above the HIGH cut-off. */
  | 'HIGH'
  /** Below the MEDIUM cut-off. */
  | 'LOW'
  /** At or above the MEDIUM cut-off. */
  | 'MEDIUM';

/** Whether a customer row is a person or a business account's points pool. */
export type CustomerKind =
  /** Holds the pooled points of a business account; not a person, never merged or contacted. */
  | 'ACCOUNT_POOL'
  /** A member: a person who earns and redeems. */
  | 'PERSON';

/** Where the score falls against the tenant's band limits. */
export type HealthBand =
  /** Below atRiskBelow. */
  | 'AT_RISK'
  /** At or above healthyFrom. */
  | 'HEALTHY'
  /** Between the two limits. */
  | 'NEUTRAL';

/** An identifier as a system knows it; it is normalised before matching. */
export type IdentifierInput = {
  /** What kind of identifier it is. */
  kind: IdentifierKind;
  /** The value as given, e.g. a phone in any international format. */
  value: string;
};

/** The ways other systems and channels know a customer. Each value is unique within a tenant. */
export type IdentifierKind =
  /** The customer's id in the billing system. */
  | 'BILLING_ID'
  /** The customer's id in the CRM. */
  | 'CRM_ID'
  /** An app install or browser: the mark of an anonymous profile until the person signs in. */
  | 'DEVICE_ID'
  /** An email address. */
  | 'EMAIL'
  /** The number of a loyalty card. */
  | 'LOYALTY_CARD'
  /** A phone number (E.164). */
  | 'PHONE'
  /** The customer's id in the point-of-sale system. */
  | 'POS_CUSTOMER_ID';

/** One operation a till queued while offline. Fields by type: PURCHASE customerId, orderId, lines; REDEEM_REWARD customerId, rewardId; CONSUME_VOUCHER voucherCode. */
export type OfflineOperationInput = {
  /** The member (PURCHASE, REDEEM_REWARD). */
  customerId?: string | number | null | undefined;
  /** The key the till gave the operation when it queued it; a resend with it books nothing twice. */
  idempotencyKey: string;
  /** What was bought (PURCHASE). */
  lines?: Array<PurchaseLineInput> | null | undefined;
  /** When it happened at the till. Purchases are evaluated as of then (rules, dates, pending period). */
  occurredAt: string;
  /** The order id (PURCHASE). */
  orderId?: string | null | undefined;
  /** The reward redeemed (REDEEM_REWARD). */
  rewardId?: string | number | null | undefined;
  /** What the till did. */
  type: OfflineOperationType;
  /** The voucher accepted (CONSUME_VOUCHER). */
  voucherCode?: string | null | undefined;
};

/** What a till did while offline. */
export type OfflineOperationType =
  /** Accepted a voucher. */
  | 'CONSUME_VOUCHER'
  /** Recorded a purchase. */
  | 'PURCHASE'
  /** Redeemed a reward for a voucher. */
  | 'REDEEM_REWARD';

/** What became of an offline operation. */
export type OfflineOutcome =
  /** The same operation (same idempotency key and content) was applied before: nothing was booked again. */
  | 'ALREADY_APPLIED'
  /** Applied now. */
  | 'APPLIED'
  /** Refused; see `error`. The other operations still apply. */
  | 'REJECTED';

/** What a points transaction did. */
export type PointsTransactionKind =
  /** A manual correction, up or down, with a reason code. */
  | 'ADJUST'
  /** Points credited, e.g. for a purchase. */
  | 'EARN'
  /** Points that expired unspent. */
  | 'EXPIRY'
  /** Balances brought over from a previous loyalty system. */
  | 'IMPORT'
  /** Points spent, e.g. on a reward. */
  | 'REDEEM'
  /** Undoes part or all of an earlier earn or redemption. */
  | 'REVERSAL'
  /** Pending points that became available at the end of their return window. */
  | 'SETTLEMENT'
  /** Points moved from one customer to another, by a transfer, a merge or an unmerge. */
  | 'TRANSFER';

/** What part of the program changed. */
export type ProgramChangeKind =
  /** A tier benefit. */
  | 'BENEFIT'
  /** An earning rule. */
  | 'PROMOTION'
  /** A reward. */
  | 'REWARD'
  /** A tier. */
  | 'TIER';

/** One line of a purchase. */
export type PurchaseLineInput = {
  /** The product category, matched by earning rules. */
  category?: string | null | undefined;
  /** Units bought, at least 1. */
  quantity: number;
  /** The product's SKU, matched by earning rules. */
  sku: string;
  /** Minor units, after line discounts. */
  unitPrice: number;
};

/** Something that happened with a customer, for the timeline. */
export type RecordInteractionInput = {
  /** Defaults to the caller's channel. */
  channel?: Channel | null | undefined;
  /** The customer. */
  customerId: string | number;
  /** E.g. {"type": "call", "durationSeconds": 240}. */
  data?: Record<string, unknown> | null | undefined;
  /** A retry with the same key returns the first event. */
  idempotencyKey: string;
  /** INTERACTION, NOTE, SUPPORT_CASE, SURVEY_RESPONSE or BILLING. */
  kind: TimelineKind;
  /** Defaults to now. */
  occurredAt?: string | null | undefined;
  /** One line for people to read. */
  summary: string;
};

/** A purchase to record: evaluates the rules and books the points. */
export type RecordPurchaseInput = {
  /** Defaults to the caller's channel. */
  channel?: Channel | null | undefined;
  /** The member who buys. */
  customerId: string | number;
  /** A retry with the same key and input returns the first result and books nothing; the same key with other input is a CONFLICT. */
  idempotencyKey: string;
  /** What was bought. */
  lines: Array<PurchaseLineInput>;
  /** Defaults to now; at most 5 minutes ahead, at most 1 year back. */
  occurredAt?: string | null | undefined;
  /** Unique per tenant: the same order cannot earn twice. */
  orderId: string;
  /** Required for POS; a POS key's own store by default. */
  storeId?: string | number | null | undefined;
};

/** A reward to redeem for a member. */
export type RedeemRewardInput = {
  /** Defaults to the caller's channel. */
  channel?: Channel | null | undefined;
  /** The member; a customer token may redeem only for itself. */
  customerId: string | number;
  /** A retry with the same key and input returns the first result and books nothing; the same key with other input is a CONFLICT. */
  idempotencyKey: string;
  /** The reward. */
  rewardId: string | number;
};

/** What resolveCustomer did. */
export type ResolveOutcome =
  /** The identifiers belong to more than one customer: nothing was changed; see `candidates`. */
  | 'AMBIGUOUS'
  /** Nothing matched: a new customer was created with the identifiers. */
  | 'CREATED'
  /** The customer was found and the identifiers it lacked were added to it. */
  | 'LINKED'
  /** Every identifier given was already the customer's. */
  | 'MATCHED'
  /** Nothing matched and `createIfMissing` was false. */
  | 'NOT_FOUND';

/** How a loyalty state reached the subscriber. */
export type StateSource =
  /** The state at subscription (no sinceVersion), or instead of missed versions older than the retention window. */
  | 'CURRENT'
  /** A change pushed as it was committed. */
  | 'LIVE'
  /** A version the client missed, replayed in order from the outbox. */
  | 'MISSED';

/** What a tier's threshold counts; only purchases qualify. */
export type TierMetric =
  /** Points earned on purchases. */
  | 'POINTS_EARNED'
  /** Money spent, in minor units. */
  | 'SPEND'
  /** Purchases made. */
  | 'VISITS';

/** What happened to a customer, from any channel or system. */
export type TimelineKind =
  /** A billing event, from the billing system. */
  | 'BILLING'
  /** The customer's churn risk level changed. */
  | 'CHURN_RISK_CHANGED'
  /** The customer gave or withdrew consent for a purpose. */
  | 'CONSENT_CHANGED'
  /** A duplicate profile was merged into this one. */
  | 'CUSTOMER_MERGED'
  /** A merge into or from this profile was undone. */
  | 'CUSTOMER_UNMERGED'
  /** Goodwill points or limited-time status: requested, granted or rejected. */
  | 'GOODWILL'
  /** A sign-in, call, chat, e-mail, store visit... (`data.type` says which). */
  | 'INTERACTION'
  /** A note left by staff. */
  | 'NOTE'
  /** A playbook acted on a signal about the customer (`data.outcome` says how). */
  | 'PLAYBOOK_FIRED'
  /** Points were corrected by hand. */
  | 'POINTS_ADJUSTED'
  /** Points were credited. */
  | 'POINTS_EARNED'
  /** Points were spent. */
  | 'POINTS_REDEEMED'
  /** An earn or a redemption was reversed. */
  | 'POINTS_REVERSED'
  /** Points went to or came from another customer. */
  | 'POINTS_TRANSFERRED'
  /** A purchase was recorded. */
  | 'PURCHASE'
  /** Lines of a purchase were refunded. */
  | 'REFUND'
  /** A reward was redeemed for a voucher. */
  | 'REWARD_REDEEMED'
  /** A support case, from the support system or an agent. */
  | 'SUPPORT_CASE'
  /** An answer to a survey. */
  | 'SURVEY_RESPONSE'
  /** The member's tier changed. */
  | 'TIER_CHANGED'
  /** A voucher was cancelled and its points given back. */
  | 'VOUCHER_CANCELLED'
  /** A voucher was used. */
  | 'VOUCHER_CONSUMED';

export type AgentSearchCustomersQueryVariables = Exact<{
  search: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AgentSearchCustomersQuery = { customers: { edges: Array<{ node: { id: string, displayName: string | null, email: string | null, phone: string | null, tier: { current: { code: string, name: string } } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AgentTimelineEventFragment = { id: string, kind: TimelineKind, channel: Channel | null, occurredAt: string, summary: string, actor: string, source: string };

export type AgentCustomer360QueryVariables = Exact<{
  id: string | number;
  expiringWithinDays?: number;
  timelineFirst?: number | null | undefined;
  transactionsFirst?: number | null | undefined;
}>;


export type AgentCustomer360Query = { customer: { id: string, kind: CustomerKind, displayName: string | null, email: string | null, phone: string | null, createdAt: string, profileRevision: number, segments: Array<string>, profileUpdatedAt: string, identifiers: Array<{ kind: IdentifierKind, value: string }>, balance: { balanceRevision: number, available: number, pending: number, lifetimeEarned: number, lifetimeRedeemed: number, expired: number, expiringPoints: number }, tier: { since: string, expiresAt: string | null, limitedTime: boolean, current: { code: string, name: string, rank: number }, progress: { metric: TierMetric, value: number, remaining: number, percent: number, nextTier: { code: string, name: string } } | null, downgradeRisk: { atPeriodEnd: string, remainingToKeep: number, projectedTier: { code: string, name: string } } | null } | null, health: { score: number, band: HealthBand, computedAt: string } | null, churnRisk: { level: ChurnRiskLevel, score: number, computedAt: string } | null, timeline: { edges: Array<{ node: { id: string, kind: TimelineKind, channel: Channel | null, occurredAt: string, summary: string, actor: string, source: string } }> }, pointsTransactions: { edges: Array<{ node: { id: string, kind: PointsTransactionKind, points: number, reason: string, channel: Channel | null, createdAt: string } }> } }, benefits: Array<{ code: string, kind: BenefitKind, value: number, text: string, tierCode: string }>, loyaltyState: { customerId: string, version: number, source: StateSource, changedAt: string | null, balance: { available: number, pending: number }, tier: { id: string, code: string, name: string, rank: number, expiresAt: string | null, limitedTime: boolean } | null, benefits: Array<{ code: string, kind: BenefitKind, value: number, title: string, channels: Array<Channel> }>, activeVouchers: Array<{ code: string, rewardId: string, pointsCost: number, expiresAt: string }> } };

export type AgentTimelineQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
}>;


export type AgentTimelineQuery = { customer: { id: string, timeline: { edges: Array<{ node: { id: string, kind: TimelineKind, channel: Channel | null, occurredAt: string, summary: string, actor: string, source: string } }> } } };

export type AgentRecordNoteMutationVariables = Exact<{
  input: RecordInteractionInput;
}>;


export type AgentRecordNoteMutation = { recordInteraction: { id: string, kind: TimelineKind, channel: Channel | null, occurredAt: string, summary: string, actor: string, source: string } };

export type AgentTimelineEventAddedSubscriptionVariables = Exact<{
  customerId: string | number;
}>;


export type AgentTimelineEventAddedSubscription = { timelineEventAdded: { id: string, kind: TimelineKind, channel: Channel | null, occurredAt: string, summary: string, actor: string, source: string } };

export type AgentLoyaltyStateChangedSubscriptionVariables = Exact<{
  customerId: string | number;
  sinceVersion?: number | null | undefined;
}>;


export type AgentLoyaltyStateChangedSubscription = { loyaltyStateChanged: { customerId: string, version: number, source: StateSource, changedAt: string | null, balance: { available: number, pending: number }, tier: { id: string, code: string, name: string, rank: number, expiresAt: string | null, limitedTime: boolean } | null, benefits: Array<{ code: string, kind: BenefitKind, value: number, title: string, channels: Array<Channel> }>, activeVouchers: Array<{ code: string, rewardId: string, pointsCost: number, expiresAt: string }> } };

export type AgentScriptQueryVariables = Exact<{
  locale: string;
}>;


export type AgentScriptQuery = { programTerms: { id: string, version: number, title: string, body: string, effectiveFrom: string } };

export type AgentAcknowledgeScriptMutationVariables = Exact<{
  termsId: string | number;
}>;


export type AgentAcknowledgeScriptMutation = { acknowledgeScript: { id: string, termsId: string, version: number, createdAt: string } };

export type MobileHomeQueryVariables = Exact<{
  customerId: string | number;
  expiringWithinDays?: number;
}>;


export type MobileHomeQuery = { customer: { id: string, displayName: string | null, balance: { available: number, pending: number, expiringPoints: number }, tier: { current: { code: string, name: string }, progress: { percent: number, remaining: number, nextTier: { name: string } } | null } | null }, loyaltyState: { customerId: string, version: number, source: StateSource, changedAt: string | null, balance: { available: number, pending: number }, tier: { id: string, code: string, name: string, rank: number, expiresAt: string | null, limitedTime: boolean } | null, benefits: Array<{ code: string, kind: BenefitKind, value: number, title: string, channels: Array<Channel> }>, activeVouchers: Array<{ code: string, rewardId: string, pointsCost: number, expiresAt: string }> }, benefits: Array<{ code: string, kind: BenefitKind, value: number, text: string }> };

export type MobileRewardsQueryVariables = Exact<{ [key: string]: never; }>;


export type MobileRewardsQuery = { rewards: Array<{ id: string, code: string, name: string, pointsCost: number, channels: Array<Channel>, eligibleTierIds: Array<string>, stockRemaining: number | null, validUntil: string | null }> };

export type MobileRedeemRewardMutationVariables = Exact<{
  input: RedeemRewardInput;
}>;


export type MobileRedeemRewardMutation = { redeemReward: { replayed: boolean, voucher: { code: string, expiresAt: string, pointsCost: number, reward: { name: string } } } };

export type MobileLoyaltyStateChangedSubscriptionVariables = Exact<{
  customerId: string | number;
  sinceVersion?: number | null | undefined;
}>;


export type MobileLoyaltyStateChangedSubscription = { loyaltyStateChanged: { customerId: string, version: number, source: StateSource, changedAt: string | null, balance: { available: number, pending: number }, tier: { id: string, code: string, name: string, rank: number, expiresAt: string | null, limitedTime: boolean } | null, benefits: Array<{ code: string, kind: BenefitKind, value: number, title: string, channels: Array<Channel> }>, activeVouchers: Array<{ code: string, rewardId: string, pointsCost: number, expiresAt: string }> } };

export type MobileIssueCustomerTokenMutationVariables = Exact<{
  customerId: string | number;
  ttlSeconds: number;
}>;


export type MobileIssueCustomerTokenMutation = { issueCustomerToken: { token: string, expiresAt: string } };

export type PosBenefitsChangedSubscriptionVariables = Exact<{
  storeId: string | number;
}>;


export type PosBenefitsChangedSubscription = { benefitsChanged: { kind: ProgramChangeKind, id: string, code: string | null, operation: string, changedAt: string } };

export type PosLoyaltyStateChangedSubscriptionVariables = Exact<{
  customerId: string | number;
  sinceVersion?: number | null | undefined;
}>;


export type PosLoyaltyStateChangedSubscription = { loyaltyStateChanged: { customerId: string, version: number, source: StateSource, changedAt: string | null, balance: { available: number, pending: number }, tier: { id: string, code: string, name: string, rank: number, expiresAt: string | null, limitedTime: boolean } | null, benefits: Array<{ code: string, kind: BenefitKind, value: number, title: string, channels: Array<Channel> }>, activeVouchers: Array<{ code: string, rewardId: string, pointsCost: number, expiresAt: string }> } };

export type PosViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type PosViewerQuery = { viewer: { role: string, storeId: string | null, tenantId: string | null } };

export type PosFindCustomerMutationVariables = Exact<{
  identifier: IdentifierInput;
}>;


export type PosFindCustomerMutation = { resolveCustomer: { outcome: ResolveOutcome, customer: { id: string, displayName: string | null } | null, candidates: Array<{ id: string, displayName: string | null }> } };

export type PosCustomerStateQueryVariables = Exact<{
  customerId: string | number;
}>;


export type PosCustomerStateQuery = { loyaltyState: { customerId: string, version: number, source: StateSource, changedAt: string | null, balance: { available: number, pending: number }, tier: { id: string, code: string, name: string, rank: number, expiresAt: string | null, limitedTime: boolean } | null, benefits: Array<{ code: string, kind: BenefitKind, value: number, title: string, channels: Array<Channel> }>, activeVouchers: Array<{ code: string, rewardId: string, pointsCost: number, expiresAt: string }> }, benefits: Array<{ code: string, kind: BenefitKind, value: number, text: string, tierCode: string }> };

export type PosStoreProgramQueryVariables = Exact<{ [key: string]: never; }>;


export type PosStoreProgramQuery = { tiers: Array<{ id: string, code: string, name: string, rank: number, threshold: number }>, rewards: Array<{ id: string, code: string, name: string, pointsCost: number, channels: Array<Channel>, stockRemaining: number | null }> };

export type PosRecordPurchaseMutationVariables = Exact<{
  input: RecordPurchaseInput;
}>;


export type PosRecordPurchaseMutation = { recordPurchase: { purchaseId: string, orderId: string, amount: number, basePoints: number, totalPoints: number, pendingUntil: string | null, replayed: boolean, tierChange: { from: { code: string } | null, to: { code: string, name: string } } | null } };

export type PosSyncOfflineOperationsMutationVariables = Exact<{
  storeId: string | number;
  operations: Array<OfflineOperationInput> | OfflineOperationInput;
}>;


export type PosSyncOfflineOperationsMutation = { syncOfflineOperations: { applied: number, alreadyApplied: number, rejected: number, results: Array<{ index: number, idempotencyKey: string, type: OfflineOperationType, outcome: OfflineOutcome, error: { code: string, reason: string | null, field: string | null, message: string } | null, purchase: { orderId: string, totalPoints: number } | null, voucher: { code: string } | null }> } };

export type LoyaltyStateFieldsFragment = { customerId: string, version: number, source: StateSource, changedAt: string | null, balance: { available: number, pending: number }, tier: { id: string, code: string, name: string, rank: number, expiresAt: string | null, limitedTime: boolean } | null, benefits: Array<{ code: string, kind: BenefitKind, value: number, title: string, channels: Array<Channel> }>, activeVouchers: Array<{ code: string, rewardId: string, pointsCost: number, expiresAt: string }> };

export const AgentTimelineEventFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AgentTimelineEvent"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TimelineEventView"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]} as unknown as DocumentNode<AgentTimelineEventFragment, unknown>;
export const LoyaltyStateFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LoyaltyStateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyState"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"limitedTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeVouchers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"rewardId"}},{"kind":"Field","name":{"kind":"Name","value":"pointsCost"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<LoyaltyStateFieldsFragment, unknown>;
export const AgentSearchCustomersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgentSearchCustomers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AgentSearchCustomersQuery, AgentSearchCustomersQueryVariables>;
export const AgentCustomer360Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgentCustomer360"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expiringWithinDays"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"30"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timelineFirst"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"transactionsFirst"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"profileRevision"}},{"kind":"Field","alias":{"kind":"Name","value":"profileUpdatedAt"},"name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"segments"}},{"kind":"Field","name":{"kind":"Name","value":"identifiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balanceRevision"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"lifetimeEarned"}},{"kind":"Field","name":{"kind":"Name","value":"lifetimeRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"expiringPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"withinDays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expiringWithinDays"}}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}}]}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"limitedTime"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"nextTier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"downgradeRisk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"atPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"remainingToKeep"}},{"kind":"Field","name":{"kind":"Name","value":"projectedTier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"band"}},{"kind":"Field","name":{"kind":"Name","value":"computedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"churnRisk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"computedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timelineFirst"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AgentTimelineEvent"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pointsTransactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"transactionsFirst"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"EnumValue","value":"AGENT"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"tierCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"loyaltyState"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LoyaltyStateFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AgentTimelineEvent"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TimelineEventView"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LoyaltyStateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyState"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"limitedTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeVouchers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"rewardId"}},{"kind":"Field","name":{"kind":"Name","value":"pointsCost"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<AgentCustomer360Query, AgentCustomer360QueryVariables>;
export const AgentTimelineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgentTimeline"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AgentTimelineEvent"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AgentTimelineEvent"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TimelineEventView"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]} as unknown as DocumentNode<AgentTimelineQuery, AgentTimelineQueryVariables>;
export const AgentRecordNoteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AgentRecordNote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordInteractionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordInteraction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AgentTimelineEvent"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AgentTimelineEvent"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TimelineEventView"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]} as unknown as DocumentNode<AgentRecordNoteMutation, AgentRecordNoteMutationVariables>;
export const AgentTimelineEventAddedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AgentTimelineEventAdded"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timelineEventAdded"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AgentTimelineEvent"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AgentTimelineEvent"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TimelineEventView"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]} as unknown as DocumentNode<AgentTimelineEventAddedSubscription, AgentTimelineEventAddedSubscriptionVariables>;
export const AgentLoyaltyStateChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AgentLoyaltyStateChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sinceVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyStateChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"sinceVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sinceVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LoyaltyStateFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LoyaltyStateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyState"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"limitedTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeVouchers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"rewardId"}},{"kind":"Field","name":{"kind":"Name","value":"pointsCost"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<AgentLoyaltyStateChangedSubscription, AgentLoyaltyStateChangedSubscriptionVariables>;
export const AgentScriptDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgentScript"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"programTerms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"EnumValue","value":"AGENT"}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"AGENT_SCRIPT"}},{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}}]}}]}}]} as unknown as DocumentNode<AgentScriptQuery, AgentScriptQueryVariables>;
export const AgentAcknowledgeScriptDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AgentAcknowledgeScript"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"termsId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acknowledgeScript"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"termsId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"termsId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"termsId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<AgentAcknowledgeScriptMutation, AgentAcknowledgeScriptMutationVariables>;
export const MobileHomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MobileHome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expiringWithinDays"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"30"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"expiringPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"withinDays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expiringWithinDays"}}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"nextTier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"loyaltyState"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LoyaltyStateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"EnumValue","value":"MOBILE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LoyaltyStateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyState"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"limitedTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeVouchers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"rewardId"}},{"kind":"Field","name":{"kind":"Name","value":"pointsCost"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<MobileHomeQuery, MobileHomeQueryVariables>;
export const MobileRewardsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MobileRewards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rewards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activeOnly"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"pointsCost"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"eligibleTierIds"}},{"kind":"Field","name":{"kind":"Name","value":"stockRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}}]}}]} as unknown as DocumentNode<MobileRewardsQuery, MobileRewardsQueryVariables>;
export const MobileRedeemRewardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MobileRedeemReward"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RedeemRewardInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redeemReward"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"voucher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"pointsCost"}},{"kind":"Field","name":{"kind":"Name","value":"reward"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MobileRedeemRewardMutation, MobileRedeemRewardMutationVariables>;
export const MobileLoyaltyStateChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MobileLoyaltyStateChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sinceVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyStateChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"sinceVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sinceVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LoyaltyStateFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LoyaltyStateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyState"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"limitedTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeVouchers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"rewardId"}},{"kind":"Field","name":{"kind":"Name","value":"pointsCost"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<MobileLoyaltyStateChangedSubscription, MobileLoyaltyStateChangedSubscriptionVariables>;
export const MobileIssueCustomerTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MobileIssueCustomerToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ttlSeconds"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issueCustomerToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"ttlSeconds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ttlSeconds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<MobileIssueCustomerTokenMutation, MobileIssueCustomerTokenMutationVariables>;
export const PosBenefitsChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"PosBenefitsChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"storeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"benefitsChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"storeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"storeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}}]}}]}}]} as unknown as DocumentNode<PosBenefitsChangedSubscription, PosBenefitsChangedSubscriptionVariables>;
export const PosLoyaltyStateChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"PosLoyaltyStateChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sinceVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyStateChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"sinceVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sinceVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LoyaltyStateFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LoyaltyStateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyState"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"limitedTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeVouchers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"rewardId"}},{"kind":"Field","name":{"kind":"Name","value":"pointsCost"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<PosLoyaltyStateChangedSubscription, PosLoyaltyStateChangedSubscriptionVariables>;
export const PosViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PosViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}},{"kind":"Field","name":{"kind":"Name","value":"tenantId"}}]}}]}}]} as unknown as DocumentNode<PosViewerQuery, PosViewerQueryVariables>;
export const PosFindCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PosFindCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"identifier"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IdentifierInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"identifiers"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"identifier"}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"createIfMissing"},"value":{"kind":"BooleanValue","value":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"source"},"value":{"kind":"StringValue","value":"pos","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"candidates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<PosFindCustomerMutation, PosFindCustomerMutationVariables>;
export const PosCustomerStateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PosCustomerState"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyState"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LoyaltyStateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"EnumValue","value":"POS"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"tierCode"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LoyaltyStateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyState"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"limitedTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeVouchers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"rewardId"}},{"kind":"Field","name":{"kind":"Name","value":"pointsCost"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<PosCustomerStateQuery, PosCustomerStateQueryVariables>;
export const PosStoreProgramDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PosStoreProgram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rewards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activeOnly"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"pointsCost"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"stockRemaining"}}]}}]}}]} as unknown as DocumentNode<PosStoreProgramQuery, PosStoreProgramQueryVariables>;
export const PosRecordPurchaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PosRecordPurchase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPurchaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPurchase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purchaseId"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"basePoints"}},{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"pendingUntil"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"tierChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PosRecordPurchaseMutation, PosRecordPurchaseMutationVariables>;
export const PosSyncOfflineOperationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PosSyncOfflineOperations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"storeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"operations"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OfflineOperationInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncOfflineOperations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"storeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"storeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"operations"},"value":{"kind":"Variable","name":{"kind":"Name","value":"operations"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"alreadyApplied"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purchase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}}]}},{"kind":"Field","name":{"kind":"Name","value":"voucher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PosSyncOfflineOperationsMutation, PosSyncOfflineOperationsMutationVariables>;