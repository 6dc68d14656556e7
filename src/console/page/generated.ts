/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

/** Whether a customer row is a person or a business account's points pool. */
export type CustomerKind =
  /** Holds the pooled points of a business account; not a person, never merged or contacted. */
  | 'ACCOUNT_POOL'
  /** A member: a person who earns and redeems. */
  | 'PERSON';

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

export type ConsoleViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleViewerQuery = { viewer: { role: string, tenantId: string | null, apiKeyId: string | null }, tenant: { name: string, currency: string } };

export type ConsoleSearchCustomersQueryVariables = Exact<{
  search: string;
  first: number;
}>;


export type ConsoleSearchCustomersQuery = { customers: { edges: Array<{ node: { id: string, displayName: string | null, email: string | null, phone: string | null } }> } };

export type ConsoleTimelineEventFragment = { id: string, kind: TimelineKind, summary: string, channel: Channel | null, actor: string, occurredAt: string };

export type ConsoleLoyaltyStateFragment = { customerId: string, version: number, changedAt: string | null, source: StateSource, balance: { available: number, pending: number }, tier: { id: string, code: string, name: string, rank: number, expiresAt: string | null, limitedTime: boolean } | null, benefits: Array<{ code: string, title: string, kind: BenefitKind, value: number }> };

export type ConsoleCustomerQueryVariables = Exact<{
  id: string | number;
  timelineFirst: number;
}>;


export type ConsoleCustomerQuery = { customer: { id: string, displayName: string | null, email: string | null, phone: string | null, city: string | null, kind: CustomerKind, anonymous: boolean, segments: Array<string>, createdAt: string, timeline: { edges: Array<{ node: { id: string, kind: TimelineKind, summary: string, channel: Channel | null, actor: string, occurredAt: string } }> } } };

export type ConsoleLoyaltyDetailsQueryVariables = Exact<{
  id: string | number;
  expiringWithinDays: number;
}>;


export type ConsoleLoyaltyDetailsQuery = { loyaltyState: { customerId: string, version: number, changedAt: string | null, source: StateSource, balance: { available: number, pending: number }, tier: { id: string, code: string, name: string, rank: number, expiresAt: string | null, limitedTime: boolean } | null, benefits: Array<{ code: string, title: string, kind: BenefitKind, value: number }> }, customer: { id: string, balance: { expiringPoints: number }, tier: { since: string, expiresAt: string | null, limitedTime: boolean, current: { metric: TierMetric }, qualifiedTier: { name: string }, progress: { metric: TierMetric, percent: number, remaining: number, value: number, nextTier: { name: string } } | null, downgradeRisk: { atPeriodEnd: string, remainingToKeep: number, projectedTier: { name: string } } | null } | null }, benefits: Array<{ benefitId: string, code: string, text: string, tierCode: string }> };

export type ConsoleAgentScriptQueryVariables = Exact<{
  locale: string;
}>;


export type ConsoleAgentScriptQuery = { programTerms: { id: string, title: string, body: string, version: number, locale: string, effectiveFrom: string } };

export type ConsoleAcknowledgeScriptMutationVariables = Exact<{
  termsId: string | number;
}>;


export type ConsoleAcknowledgeScriptMutation = { acknowledgeScript: { id: string, version: number, createdAt: string } };

export type ConsoleLoyaltyStateChangedSubscriptionVariables = Exact<{
  customerId: string | number;
  sinceVersion?: number | null | undefined;
}>;


export type ConsoleLoyaltyStateChangedSubscription = { loyaltyStateChanged: { customerId: string, version: number, changedAt: string | null, source: StateSource, balance: { available: number, pending: number }, tier: { id: string, code: string, name: string, rank: number, expiresAt: string | null, limitedTime: boolean } | null, benefits: Array<{ code: string, title: string, kind: BenefitKind, value: number }> } };

export type ConsoleTimelineEventAddedSubscriptionVariables = Exact<{
  customerId: string | number;
}>;


export type ConsoleTimelineEventAddedSubscription = { timelineEventAdded: { id: string, kind: TimelineKind, summary: string, channel: Channel | null, actor: string, occurredAt: string } };

export type ConsoleCustomerUpdatedSubscriptionVariables = Exact<{
  customerId: string | number;
}>;


export type ConsoleCustomerUpdatedSubscription = { customerUpdated: { customerId: string, displayName: string | null, email: string | null, phone: string | null, updatedAt: string } };

export type ConsoleScriptPublishedSubscriptionVariables = Exact<{
  locale: string;
}>;


export type ConsoleScriptPublishedSubscription = { programTermsPublished: { id: string, title: string, body: string, version: number, locale: string, effectiveFrom: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ConsoleTimelineEventFragmentDoc = new TypedDocumentString(`
    fragment ConsoleTimelineEvent on TimelineEventView {
  id
  kind
  summary
  channel
  actor
  occurredAt
}
    `, {"fragmentName":"ConsoleTimelineEvent"}) as unknown as TypedDocumentString<ConsoleTimelineEventFragment, unknown>;
export const ConsoleLoyaltyStateFragmentDoc = new TypedDocumentString(`
    fragment ConsoleLoyaltyState on LoyaltyState {
  customerId
  version
  changedAt
  source
  balance {
    available
    pending
  }
  tier {
    id
    code
    name
    rank
    expiresAt
    limitedTime
  }
  benefits {
    code
    title
    kind
    value
  }
}
    `, {"fragmentName":"ConsoleLoyaltyState"}) as unknown as TypedDocumentString<ConsoleLoyaltyStateFragment, unknown>;
export const ConsoleViewerDocument = new TypedDocumentString(`
    query ConsoleViewer {
  viewer {
    role
    tenantId
    apiKeyId
  }
  tenant {
    name
    currency
  }
}
    `) as unknown as TypedDocumentString<ConsoleViewerQuery, ConsoleViewerQueryVariables>;
export const ConsoleSearchCustomersDocument = new TypedDocumentString(`
    query ConsoleSearchCustomers($search: String!, $first: Int!) {
  customers(search: $search, first: $first) {
    edges {
      node {
        id
        displayName
        email
        phone
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleSearchCustomersQuery, ConsoleSearchCustomersQueryVariables>;
export const ConsoleCustomerDocument = new TypedDocumentString(`
    query ConsoleCustomer($id: ID!, $timelineFirst: Int!) {
  customer(id: $id) {
    id
    displayName
    email
    phone
    city
    kind
    anonymous
    segments
    createdAt
    timeline(first: $timelineFirst) {
      edges {
        node {
          ...ConsoleTimelineEvent
        }
      }
    }
  }
}
    fragment ConsoleTimelineEvent on TimelineEventView {
  id
  kind
  summary
  channel
  actor
  occurredAt
}`) as unknown as TypedDocumentString<ConsoleCustomerQuery, ConsoleCustomerQueryVariables>;
export const ConsoleLoyaltyDetailsDocument = new TypedDocumentString(`
    query ConsoleLoyaltyDetails($id: ID!, $expiringWithinDays: Int!) {
  loyaltyState(customerId: $id) {
    ...ConsoleLoyaltyState
  }
  customer(id: $id) {
    id
    balance {
      expiringPoints(withinDays: $expiringWithinDays)
    }
    tier {
      since
      expiresAt
      limitedTime
      current {
        metric
      }
      qualifiedTier {
        name
      }
      progress {
        metric
        percent
        remaining
        value
        nextTier {
          name
        }
      }
      downgradeRisk {
        atPeriodEnd
        remainingToKeep
        projectedTier {
          name
        }
      }
    }
  }
  benefits(channel: AGENT, customerId: $id) {
    benefitId
    code
    text
    tierCode
  }
}
    fragment ConsoleLoyaltyState on LoyaltyState {
  customerId
  version
  changedAt
  source
  balance {
    available
    pending
  }
  tier {
    id
    code
    name
    rank
    expiresAt
    limitedTime
  }
  benefits {
    code
    title
    kind
    value
  }
}`) as unknown as TypedDocumentString<ConsoleLoyaltyDetailsQuery, ConsoleLoyaltyDetailsQueryVariables>;
export const ConsoleAgentScriptDocument = new TypedDocumentString(`
    query ConsoleAgentScript($locale: String!) {
  programTerms(channel: AGENT, kind: AGENT_SCRIPT, locale: $locale) {
    id
    title
    body
    version
    locale
    effectiveFrom
  }
}
    `) as unknown as TypedDocumentString<ConsoleAgentScriptQuery, ConsoleAgentScriptQueryVariables>;
export const ConsoleAcknowledgeScriptDocument = new TypedDocumentString(`
    mutation ConsoleAcknowledgeScript($termsId: ID!) {
  acknowledgeScript(termsId: $termsId) {
    id
    version
    createdAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleAcknowledgeScriptMutation, ConsoleAcknowledgeScriptMutationVariables>;
export const ConsoleLoyaltyStateChangedDocument = new TypedDocumentString(`
    subscription ConsoleLoyaltyStateChanged($customerId: ID!, $sinceVersion: Int) {
  loyaltyStateChanged(customerId: $customerId, sinceVersion: $sinceVersion) {
    ...ConsoleLoyaltyState
  }
}
    fragment ConsoleLoyaltyState on LoyaltyState {
  customerId
  version
  changedAt
  source
  balance {
    available
    pending
  }
  tier {
    id
    code
    name
    rank
    expiresAt
    limitedTime
  }
  benefits {
    code
    title
    kind
    value
  }
}`) as unknown as TypedDocumentString<ConsoleLoyaltyStateChangedSubscription, ConsoleLoyaltyStateChangedSubscriptionVariables>;
export const ConsoleTimelineEventAddedDocument = new TypedDocumentString(`
    subscription ConsoleTimelineEventAdded($customerId: ID!) {
  timelineEventAdded(customerId: $customerId) {
    ...ConsoleTimelineEvent
  }
}
    fragment ConsoleTimelineEvent on TimelineEventView {
  id
  kind
  summary
  channel
  actor
  occurredAt
}`) as unknown as TypedDocumentString<ConsoleTimelineEventAddedSubscription, ConsoleTimelineEventAddedSubscriptionVariables>;
export const ConsoleCustomerUpdatedDocument = new TypedDocumentString(`
    subscription ConsoleCustomerUpdated($customerId: ID!) {
  customerUpdated(customerId: $customerId) {
    customerId
    displayName
    email
    phone
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleCustomerUpdatedSubscription, ConsoleCustomerUpdatedSubscriptionVariables>;
export const ConsoleScriptPublishedDocument = new TypedDocumentString(`
    subscription ConsoleScriptPublished($locale: String!) {
  programTermsPublished(channel: AGENT, kind: AGENT_SCRIPT, locale: $locale) {
    id
    title
    body
    version
    locale
    effectiveFrom
  }
}
    `) as unknown as TypedDocumentString<ConsoleScriptPublishedSubscription, ConsoleScriptPublishedSubscriptionVariables>;