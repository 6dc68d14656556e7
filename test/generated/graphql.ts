/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** How survey responses or points activity are grouped. The row of everyone (group null) is always answered too. */
export type ActivityGrouping =
  /** Everyone only. */
  | 'ALL'
  /** By the channel it came through; NONE where the record has none. */
  | 'CHANNEL'
  /** By the customer's segments: a customer in two segments counts in both. */
  | 'SEGMENT'
  /** By store id; NONE where the record has no store. */
  | 'STORE';

/** A note on a case, on the customer's timeline. */
export type AddCaseNoteInput = {
  /** The case. */
  caseId: string | number;
  /** A retry with the same key and input returns the first result; the same key with other input is a CONFLICT. */
  idempotencyKey: string;
  /** The note, up to 2000 characters. */
  text: string;
};

/** An identifier to add to a customer. */
export type AddIdentifierInput = {
  /** The customer. */
  customerId: string | number;
  /** What kind of identifier it is. */
  kind: IdentifierKind;
  /** The system or channel that reported it: crm, pos, web, ... */
  source?: string | null | undefined;
  /** The value as given; it is normalised. */
  value: string;
};

/** A postal address; duplicate detection compares names at the same address. */
export type AddressInput = {
  /** The city. */
  city?: string | null | undefined;
  /** Street and number. */
  line?: string | null | undefined;
  /** Stored upper-cased, spaces removed. */
  postalCode?: string | null | undefined;
};

/** A manual correction of a customer's points. */
export type AdjustPointsInput = {
  /** The customer. */
  customerId: string | number;
  /** Required. A retry with the same key and input returns the first result and books nothing; the same key with other input is a CONFLICT. */
  idempotencyKey: string;
  /** Non-zero; negative takes points away. */
  points: number;
  /** Why, in words, for the audit trail. */
  reason: string;
  /** A short code for reporting, e.g. GOODWILL, CORRECTION, FRAUD. */
  reasonCode: string;
};

/** The definition of a tier benefit. */
export type BenefitInput = {
  /** Default true. */
  active?: boolean | null | undefined;
  /** Where the benefit is honoured. */
  channels: Array<Channel>;
  /** Short code, unique within the tenant; an existing code is replaced. */
  code: string;
  /** What the benefit gives. */
  kind: BenefitKind;
  /** Per-channel wording. */
  texts?: Array<ChannelTextInput> | null | undefined;
  /** The lowest tier that holds it. */
  tierId: string | number;
  /** Default text, shown where no channel text is set. */
  title: string;
  /** Multiplier percent above 100, or discount percent 1-100; omit for non-monetary benefits. */
  value?: number | null | undefined;
};

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

/** What the busier-customer rule does to a customer with many recent interactions. */
export type BusyAction =
  /** The minimum gap since their last survey is multiplied by `busyGapMultiplier`. */
  | 'EXTEND_GAP'
  /** They are not surveyed at all until their interactions fall below the count. */
  | 'SKIP';

/** A voucher to cancel. */
export type CancelVoucherInput = {
  /** As printed; case and dashes do not matter. */
  code: string;
  /** A retry with the same key returns the first result. */
  idempotencyKey: string;
};

/** The period a per-customer cap counts over, in the tenant time zone. */
export type CapPeriod =
  /** A calendar day. */
  | 'DAY'
  /** The whole life of the rule. */
  | 'EVER'
  /** A calendar month. */
  | 'MONTH'
  /** An ISO week, Monday to Sunday. */
  | 'WEEK'
  /** A calendar year. */
  | 'YEAR';

/** A change of status with an optional note. */
export type CaseChangeInput = {
  /** The case. */
  caseId: string | number;
  /** A retry with the same key and input returns the first result; the same key with other input is a CONFLICT. */
  idempotencyKey: string;
  /** Recorded with the change on the customer's timeline. */
  note?: string | null | undefined;
};

/** Which cases to list; every condition given must hold. */
export type CaseFilter = {
  /** true: only cases that missed a deadline; false: only cases that missed none. */
  breached?: boolean | null | undefined;
  /** Only the customer's cases. */
  customerId?: string | number | null | undefined;
  /** Only cases in one of these statuses. */
  status?: Array<CaseStatus> | null | undefined;
  /** Only the team's cases. */
  teamId?: string | number | null | undefined;
};

/** How support cases are grouped. The row of everyone (group null) is always answered too. */
export type CaseGrouping =
  /** Every case only. */
  | 'ALL'
  /** By priority, P1 to P4. */
  | 'PRIORITY'
  /** By support team id; NONE for cases no team holds. */
  | 'TEAM';

/** How fast a case must be answered and solved: P1 fastest. Each has its SLA (supportSettings). */
export type CasePriority =
  /** Most urgent. */
  | 'P1'
  /** Urgent. */
  | 'P2'
  /** Normal. */
  | 'P3'
  /** Least urgent. */
  | 'P4';

/** What opened a case. */
export type CaseSourceType =
  /** An agent, by hand (openCase). */
  | 'AGENT'
  /** A tenant's playbook acting on a signal. */
  | 'PLAYBOOK'
  /** A detractor survey response (sourceId is the response). */
  | 'SURVEY_RESPONSE';

/** Where a support case is: OPEN, ACKNOWLEDGED and IN_PROGRESS count as open. */
export type CaseStatus =
  /** An agent responded; the work has not started. */
  | 'ACKNOWLEDGED'
  /** Done for good. */
  | 'CLOSED'
  /** An agent is working on it. */
  | 'IN_PROGRESS'
  /** Opened; nobody has responded yet (the first-response deadline runs). */
  | 'OPEN'
  /** Solved, with a root cause; it can still be reopened or closed. */
  | 'RESOLVED';

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

/** A text worded for one channel. */
export type ChannelTextInput = {
  /** The channel that shows it. */
  channel: Channel;
  /** The wording. */
  text: string;
};

/** The churn risk level: the risk score against the cut-offs of the customer's segment. */
export type ChurnRiskLevel =
  /** At or above the HIGH cut-off. */
  | 'HIGH'
  /** Below the MEDIUM cut-off. */
  | 'LOW'
  /** At or above the MEDIUM cut-off. */
  | 'MEDIUM';

/** Something that raises churn risk; each adds a fixed weight to the risk score. */
export type ChurnSignal =
  /** The latest survey answer was a detractor (30). */
  | 'DETRACTOR'
  /** The status period ends within 30 days (or is in its grace) and the tier is not kept yet (25). */
  | 'DOWNGRADE_AHEAD'
  /** The time since the last purchase is over twice the customer's median gap between purchases (at least three purchases; 30). */
  | 'FREQUENCY_FALLING'
  /** No purchase or points activity for longer than the segment's expected gap (35). */
  | 'INACTIVE'
  /** Unused points expire within 30 days (25). */
  | 'POINTS_EXPIRING'
  /** A support case of the customer missed an SLA in the last 90 days (30). */
  | 'SLA_BREACH';

/** The code sent to the new contact, confirming the pending change. */
export type ConfirmContactChangeInput = {
  /** The code as received; spaces and dashes do not matter. */
  code: string;
  /** Which pending change to confirm. */
  kind: ContactKind;
};

/** What a customer may consent to. MARKETING and SURVEYS are opt-in; PROFILING is opt-out. */
export type ConsentPurpose =
  /** Offers and reminders (opt-in: no choice recorded means no consent). */
  | 'MARKETING'
  /** Scores computed about the customer, such as health and churn risk (opt-out: allowed until refused). */
  | 'PROFILING'
  /** Being asked for feedback (opt-in: no choice recorded means no consent). */
  | 'SURVEYS';

/** A voucher a till accepts. */
export type ConsumeVoucherInput = {
  /** As printed; case and dashes do not matter. */
  code: string;
  /** A retry with the same key returns the first result. */
  idempotencyKey: string;
  /** The store where it is used; a POS key's own store. */
  storeId: string | number;
};

/** The contacts a customer changes themself, each confirmed with a code sent to the new value. */
export type ContactKind =
  /** The email address on the profile. */
  | 'EMAIL'
  /** The phone number on the profile (E.164). */
  | 'PHONE';

/** What became of a contribution. */
export type ContributionOutcome =
  /** Given in full. */
  | 'APPLIED'
  /** Applied, but a cap or the budget cut it down. */
  | 'CAPPED'
  /** Matched, but an exclusive rule applied first, or this exclusive rule came after another rule. */
  | 'EXCLUDED'
  /** Matched, but its caps or budget have nothing left. */
  | 'EXHAUSTED';

/** Where a part of a purchase's points came from. */
export type ContributionSource =
  /** The program's base earn rate. */
  | 'BASE'
  /** An earning rule or promotion. */
  | 'RULE'
  /** The member's tier points multiplier. */
  | 'TIER_BENEFIT';

/** A new API key. */
export type CreateApiKeyInput = {
  /** A name to recognise the key by. */
  name: string;
  /** What the key may do. */
  role: StaffRole;
  /** Required for POS keys, refused for others. */
  storeId?: string | number | null | undefined;
};

/** A new B2B account. */
export type CreateBusinessAccountInput = {
  /** The business's reference for the company (e.g. its CRM account number). Creating the same code again with the same details is a replay. */
  code: string;
  /** The company's name. */
  name: string;
  /** Members earn into, and redeem from, one shared pool. */
  poolPoints?: boolean;
};

/** A new member profile. */
export type CreateCustomerInput = {
  /** The postal address. */
  address?: AddressInput | null | undefined;
  /** The name to greet the customer by. */
  displayName?: string | null | undefined;
  /** At least one of email and phone is required. */
  email?: string | null | undefined;
  /** International format, e.g. +33 6 12 34 56 78. */
  phone?: string | null | undefined;
  /** Marketing segments, e.g. "students"; matched by earning rules. */
  segments?: Array<string> | null | undefined;
};

/** A new store. */
export type CreateStoreInput = {
  /** Unique within the tenant; letters, digits, - and _. */
  code: string;
  /** The store's name. */
  name: string;
  /** Region used by regional promotions. */
  region: string;
};

/** A new support team. */
export type CreateSupportTeamInput = {
  /** Unique within the tenant; letters, digits, - and _, up to 50 characters. */
  code: string;
  /** The team its cases escalate to. */
  escalationTeamId?: string | number | null | undefined;
  /** A retry with the same key and input returns the first answer as it is now, without a second change; the same key with other input, or from another caller, is a CONFLICT. */
  idempotencyKey: string;
  /** Its name, up to 200 characters. */
  name: string;
  /** Who leads the team. */
  supervisor?: string | null | undefined;
};

/** A new survey. */
export type CreateSurveyInput = {
  /** Whether it is sent and takes responses from the start. */
  active?: boolean;
  /** Short code, unique within the tenant; 1 to 50 characters. */
  code: string;
  /** A retry with the same key and input returns the first answer as it is now, without a second change; the same key with other input, or from another caller, is a CONFLICT. */
  idempotencyKey: string;
  /** The scale; fixed once the survey has responses. */
  kind: SurveyKind;
  /** Name for staff; 1 to 200 characters. */
  name: string;
  /** The question as the customer sees it; 1 to 500 characters. */
  question: string;
  /** After an interaction, or about the relationship. */
  trigger: SurveyTrigger;
};

/** A new business. */
export type CreateTenantInput = {
  /** ISO 4217 code, e.g. EUR. */
  currency: string;
  /** The business's name. */
  name: string;
  /** IANA time zone, e.g. Europe/Paris. */
  timezone: string;
};

/** The tenant's own identity provider, whose tokens its customers sign in with. */
export type CustomerTokenProviderInput = {
  /** The `aud` its tokens carry for this gateway. */
  audience: string;
  /** The claim naming the customer; default `sub`. */
  customerClaim?: string | null | undefined;
  /** The claim holds a customer identifier of this kind (not EMAIL, PHONE or DEVICE_ID, which customers set themselves); null: it holds the customer's id. */
  identifierKind?: IdentifierKind | null | undefined;
  /** The `iss` its tokens carry; with the audience, it must be unique across tenants. */
  issuer: string;
  /** URL of the provider's JSON Web Key Set (https; http only to a loopback address). */
  jwksUrl: string;
};

/** A kind of customer data problem. */
export type DataQualityIssue =
  /** Profiles with no activity for the given number of months. */
  | 'INACTIVE'
  /** Profile emails that fail validation or are not in their normal form. */
  | 'INVALID_EMAIL'
  /** Identifiers that fail the rules of their kind. */
  | 'INVALID_IDENTIFIER'
  /** Profile phones that are not valid international numbers in E.164. */
  | 'INVALID_PHONE'
  /** Known customers without a display name. */
  | 'MISSING_NAME'
  /** Known customers (not anonymous app profiles) with neither an email nor a phone. */
  | 'NO_CONTACT';

/** What makes two profiles look like one person. */
export type DuplicateReasonKind =
  /** The same mailbox once dots and "+tags" are ignored (dots only where the provider ignores them: Gmail). */
  | 'SAME_EMAIL'
  /** The same subscriber number (last nine digits) under different country codes: a number typed with the wrong prefix. */
  | 'SAME_PHONE_NUMBER'
  /** Close names at the same postal code and a close street address. */
  | 'SIMILAR_NAME_SAME_ADDRESS';

/** Points to credit outside a purchase. */
export type EarnPointsInput = {
  /** Defaults to the caller's channel. */
  channel?: Channel | null | undefined;
  /** The customer who earns. */
  customerId: string | number;
  /** Defaults to the tenant's expiry policy. */
  expiresAt?: string | null | undefined;
  /** Required. A retry with the same key and input returns the first result and books nothing; the same key with other input is a CONFLICT. */
  idempotencyKey: string;
  /** Points stay pending (not spendable) until this time, e.g. the end of the return window. */
  pendingUntil?: string | null | undefined;
  /** Positive whole points. */
  points: number;
  /** Why, shown in the history. */
  reason: string;
};

/** The definition of an earning rule or promotion. Conditions left empty match everything. */
export type EarningRuleInput = {
  /** Default true; inactive rules are kept but never applied. */
  active?: boolean | null | undefined;
  /** Most points the rule gives in total. */
  budget?: number | null | undefined;
  /** Most points the rule gives one customer per `customerCapPeriod`. */
  capPerCustomer?: number | null | undefined;
  /** Most points the rule gives on one purchase. */
  capPerPurchase?: number | null | undefined;
  /** Only lines of these categories. */
  categories?: Array<string> | null | undefined;
  /** Only purchases on these channels. */
  channels?: Array<Channel> | null | undefined;
  /** Short code, unique within the tenant. */
  code: string;
  /** Required with capPerCustomer. */
  customerCapPeriod?: CapPeriod | null | undefined;
  /** ISO days of the week, 1 = Monday, in the tenant time zone. */
  daysOfWeek?: Array<number> | null | undefined;
  /** How `value` turns into points. */
  effect: RuleEffect;
  /** Applies to purchases before then. */
  endsAt?: string | null | undefined;
  /** Minimum spend of the matching lines, minor units. */
  minSpend?: number | null | undefined;
  /** The name shown to staff and in breakdowns. */
  name: string;
  /** Higher goes first. */
  priority: number;
  /** Only purchases in stores of these regions. */
  regions?: Array<string> | null | undefined;
  /** Only customers in one of these segments. */
  segments?: Array<string> | null | undefined;
  /** Only these lines (by SKU). */
  skus?: Array<string> | null | undefined;
  /** Whether the rule combines with others. */
  stacking: RuleStacking;
  /** Applies to purchases from then on. */
  startsAt?: string | null | undefined;
  /** Only purchases in these stores. */
  storeIds?: Array<string | number> | null | undefined;
  /** Only members of these tiers. */
  tierIds?: Array<string | number> | null | undefined;
  /** MULTIPLIER: percent above 100 (200 = double). FIXED_BONUS: points. POINTS_PER_UNIT: points per unit. */
  value: number;
};

/** What a goodwill grant gives. */
export type GoodwillKind =
  /** Points, booked through the ledger as an ADJUST with reason code GOODWILL. */
  | 'POINTS'
  /** A tier until a date (limited-time status). */
  | 'STATUS';

/** Where a goodwill grant is. */
export type GoodwillStatus =
  /** Booked: the points or the status are the customer’s. */
  | 'GRANTED'
  /** Over the requester's limit: waits for a supervisor (never the requester). */
  | 'PENDING_APPROVAL'
  /** Refused by a supervisor; nothing was booked. */
  | 'REJECTED';

/** A role's bound on goodwill status without approval. */
export type GoodwillStatusLimitInput = {
  /** Days, 0 to 3650 (0: always ask); null: no bound. */
  maxStatusDays?: number | null | undefined;
  /** The role (not OWNER, who is never bound). */
  role: StaffRole;
};

/** Goodwill from a case: points, or a tier until a date. */
export type GrantGoodwillInput = {
  /** The case; the grant goes to its customer. */
  caseId: string | number;
  /** A retry with the same key and input returns the first result; the same key with other input is a CONFLICT. */
  idempotencyKey: string;
  /** Points to give (not with tierId). */
  points?: number | null | undefined;
  /** Why, up to 500 characters; on the timeline and the ledger transaction. */
  reason: string;
  /** A tier to give until `until` (not with points). */
  tierId?: string | number | null | undefined;
  /** When the status ends; required with tierId, in the future. */
  until?: string | null | undefined;
};

/** Limited-time status: a status match, a challenge, a service recovery. */
export type GrantTierStatusInput = {
  /** The member. */
  customerId: string | number;
  /** A retry with the same key and input returns the first result; the same key with other input is a CONFLICT. */
  idempotencyKey: string;
  /** Why: the status match, challenge or service recovery; kept in the tier history. */
  note: string;
  /** The tier granted. */
  tierId: string | number;
  /** The status ends then; the tier the member qualified for applies again. */
  until: string;
};

/** Where the score falls against the tenant's band limits. */
export type HealthBand =
  /** Below atRiskBelow. */
  | 'AT_RISK'
  /** At or above healthyFrom. */
  | 'HEALTHY'
  /** Between the two limits. */
  | 'NEUTRAL';

/** A part of the health score; each is a value from 0 to 100 (docs/api/health.md gives the formulas). */
export type HealthComponentName =
  /** Earning (half) and redeeming (half) points in the last 365 days against targets. */
  | 'ENGAGEMENT'
  /** Purchases in the last 365 days against the visits target. */
  | 'FREQUENCY'
  /** Net spend in the last 365 days against the spend target. */
  | 'MONETARY'
  /** How recently the customer bought: 100 today, falling to 0 at the recency horizon. */
  | 'RECENCY'
  /** The latest NPS (score × 10) or CES ((score − 1) × 100 ÷ 6) answer; 50 without one. */
  | 'SENTIMENT'
  /** 100, less 25 for each open case and each case that missed an SLA in the last 365 days. */
  | 'SUPPORT';

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

/** Why a customer may not be sent a survey now. */
export type IneligibilityReason =
  /** The customer has not consented to SURVEYS (opt-in). */
  | 'NO_CONSENT'
  /** A support case of theirs is open, acknowledged or in progress. */
  | 'OPEN_CASE'
  /** They answered a survey less than `minDaysBetweenSurveys` days ago. */
  | 'RECENTLY_SURVEYED'
  /** The survey is switched off. */
  | 'SURVEY_INACTIVE'
  /** They had at least `busyInteractions` interactions in the last `busyWindowDays` days: skipped, or their gap is longer. */
  | 'TOO_MANY_INTERACTIONS';

/** The accounts points move between: two per customer, the program's own, and each partner's. */
export type LedgerAccount =
  /** The customer's spendable points. */
  | 'CUSTOMER_AVAILABLE'
  /** The customer's points not yet spendable (return window). */
  | 'CUSTOMER_PENDING'
  /** Points a partner issued to the program's customers, per partner. */
  | 'PARTNER_ISSUED'
  /** Customers' points a partner honoured, per partner. */
  | 'PARTNER_REDEEMED'
  /** Manual corrections. */
  | 'PROGRAM_ADJUSTMENTS'
  /** Points that expired unspent. */
  | 'PROGRAM_EXPIRED'
  /** Points the program gave out (earns). */
  | 'PROGRAM_ISSUED'
  /** Balances imported from a previous system. */
  | 'PROGRAM_MIGRATION'
  /** Reserved for points exchanged with partner programs. */
  | 'PROGRAM_PARTNER'
  /** Points members spent. */
  | 'PROGRAM_REDEEMED';

/** How members are grouped. The row of everyone (group null) is always answered too. */
export type MemberGrouping =
  /** Everyone only. */
  | 'ALL'
  /** By the customer's segments: a customer in two segments counts in both. */
  | 'SEGMENT';

/** Two profiles of one person: the duplicate goes into the survivor. */
export type MergeCustomersInput = {
  /** A retry with the same key answers with the same merge. */
  idempotencyKey: string;
  /** The duplicate: its identifiers, points, timeline and higher tier go to the survivor; its id then answers with the survivor. */
  mergedId: string | number;
  /** Why (kept with the merge, for the audit trail). */
  reason: string;
  /** The profile that stays. */
  survivorId: string | number;
};

/** Whether a merge still stands. */
export type MergeStatus =
  /** The merge stands. */
  | 'ACTIVE'
  /** The merge was undone by unmergeCustomers. */
  | 'UNDONE';

/** The size of a metric's buckets, in the tenant's time zone. */
export type MetricBucket =
  /** Calendar days. */
  | 'DAY'
  /** Calendar months. */
  | 'MONTH'
  /** Calendar quarters (January, April, July, October). */
  | 'QUARTER'
  /** Weeks from Monday. */
  | 'WEEK';

/** A period in the tenant's time zone, cut into whole buckets: `from` is rounded down to the start of its bucket and the last bucket is the one holding the day before `to`. At most 400 buckets. */
export type MetricPeriodInput = {
  /** The size of each bucket. */
  bucket: MetricBucket;
  /** First day, YYYY-MM-DD, in the tenant time zone. */
  from: string;
  /** Day after the last one (exclusive), YYYY-MM-DD; must be after `from`. */
  to: string;
};

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

/** A case an agent opens by hand. It is routed and given SLAs like any other. */
export type OpenCaseInput = {
  /** The customer's channel; by default the caller's. */
  channel?: Channel | null | undefined;
  /** The customer. */
  customerId: string | number;
  /** A retry with the same key and input returns the first result; the same key with other input is a CONFLICT. */
  idempotencyKey: string;
  /** The store it concerns. */
  storeId?: string | number | null | undefined;
  /** One line for the agent, up to 200 characters. */
  subject: string;
  /** What it is about, as routing rules match it (compared in lower case). */
  topic?: string | null | undefined;
};

/** One action of a playbook; set only the parameters of its type. */
export type PlaybookActionInput = {
  /** SEND_REMINDER: how the reminder goes out. */
  channel?: ReminderChannel | null | undefined;
  /** ALERT_TEAM: what the team reads, 1 to 500 characters. */
  message?: string | null | undefined;
  /** GRANT_GOODWILL: points to grant, 1 to 1,000,000. */
  points?: number | null | undefined;
  /** GRANT_GOODWILL: why, kept with the grant. */
  reason?: string | null | undefined;
  /** GRANT_GOODWILL: days to extend the customer's current tier status by, 1 to 365 (instead of points). */
  statusDays?: number | null | undefined;
  /** OPEN_CASE: the case's subject, 1 to 200 characters. */
  subject?: string | null | undefined;
  /** ALERT_TEAM: the team to alert, a team of the tenant; omitted: the team of the case this firing opened, or of the signal's case. */
  teamId?: string | number | null | undefined;
  /** SEND_REMINDER: the template the messaging service renders (letters, digits, . _ : -). */
  templateCode?: string | null | undefined;
  /** OPEN_CASE: the topic the case is routed by (optional). */
  topic?: string | null | undefined;
  /** What to do. */
  type: PlaybookActionType;
};

/** What became of an action of a playbook firing. */
export type PlaybookActionOutcome =
  /** Done (a reminder: handed to the notifier after the firing committed). */
  | 'DONE'
  /** Not done; `reason` says why. A firing is never retried. */
  | 'FAILED'
  /** Goodwill above the AGENT role's limit: it waits for a supervisor's approval. */
  | 'PENDING_APPROVAL'
  /** A reminder to a customer without MARKETING consent: nothing was sent. */
  | 'SKIPPED_NO_CONSENT';

/** What a playbook does when it fires. */
export type PlaybookActionType =
  /** Alerts a team on the agent desktop (`message`; `teamId`, or the team of the firing's case): the teamAlert subscription. */
  | 'ALERT_TEAM'
  /** Grants goodwill `points`, or extends the customer's tier status by `statusDays`, with an AGENT's limits: above them it waits for a supervisor. */
  | 'GRANT_GOODWILL'
  /** Opens a support case (`subject`, optional `topic`), routed like any other. */
  | 'OPEN_CASE'
  /** Sends the customer a reminder (`templateCode`, `channel`) through the notifier; needs MARKETING consent. */
  | 'SEND_REMINDER';

/** Which firings to list; every condition given must match. */
export type PlaybookFiringFilter = {
  /** Only for this customer. */
  customerId?: string | number | null | undefined;
  /** Only with this outcome. */
  outcome?: PlaybookActionOutcome | null | undefined;
  /** Only of this playbook. */
  playbookId?: string | number | null | undefined;
  /** Only on this signal. */
  signal?: SignalType | null | undefined;
};

/** A playbook: the signal it acts on, the customers it applies to, and what it does. */
export type PlaybookInput = {
  /** What it does, in order: 1 to 10 actions. */
  actions: Array<PlaybookActionInput>;
  /** Short code, unique within the tenant (letters, digits, - and _; upper-cased). */
  code: string;
  /** EVENT_INGESTED only, and required there: the ingested event's type (`data.type`, e.g. order.cancelled) or kind (e.g. BILLING), case-insensitive. */
  eventType?: string | null | undefined;
  /** A retry with the same key and input returns the playbook as it is now, without a second change; the same key with other input, or from another caller, is a CONFLICT. */
  idempotencyKey: string;
  /** Only customers whose tier (limited-time status included) ranks at least this, 0 to 1000; omitted: any. */
  minTierRank?: number | null | undefined;
  /** The name staff see, 1 to 200 characters. */
  name: string;
  /** Only customers in one of these segments (at most 50); empty or omitted: any customer. */
  segments?: Array<string> | null | undefined;
  /** The signal it acts on. */
  signal: SignalType;
};

/** When earned points expire. */
export type PointsExpiryPolicy =
  /** A fixed number of months after they were earned. */
  | 'FIXED_MONTHS'
  /** All of them, after a number of months without an earn or a redemption. */
  | 'INACTIVITY_MONTHS'
  /** Points never expire. */
  | 'NONE';

/** How a purchase's base points are rounded to whole points. */
export type PointsRounding =
  /** Fractions are dropped. */
  | 'DOWN'
  /** To the nearest whole point, halves up. */
  | 'NEAREST'
  /** Any fraction counts as a whole point. */
  | 'UP';

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

/** A purchase to evaluate without booking anything. */
export type PreviewPurchaseInput = {
  /** Defaults to the caller's channel. */
  channel?: Channel | null | undefined;
  /** The member who buys. */
  customerId: string | number;
  /** What was bought. */
  lines: Array<PurchaseLineInput>;
  /** Defaults to now; at most 5 minutes ahead, at most 1 year back. */
  occurredAt?: string | null | undefined;
  /** Required for POS; a POS key's own store by default. */
  storeId?: string | number | null | undefined;
};

/** A new version of the program terms or of an agent script. */
export type PublishTermsInput = {
  /** Up to 100,000 characters. */
  body: string;
  /** The channel it is written for. */
  channel: Channel;
  /** Defaults to now; a later date publishes ahead of time. */
  effectiveFrom?: string | null | undefined;
  /** A retry with the same key and input returns the first result; the same key with other input is a CONFLICT. */
  idempotencyKey: string;
  /** Program terms or an agent script. */
  kind?: TermsKind;
  /** BCP 47, e.g. "en", "fr-CA"; stored in canonical form. */
  locale: string;
  /** The title shown with it. */
  title: string;
};

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

/** Points to spend. */
export type RedeemPointsInput = {
  /** Defaults to the caller's channel. */
  channel?: Channel | null | undefined;
  /** The customer who spends. */
  customerId: string | number;
  /** Required. A retry with the same key and input returns the first result and books nothing; the same key with other input is a CONFLICT. */
  idempotencyKey: string;
  /** Positive whole points. */
  points: number;
  /** What they were spent on, shown in the history. */
  reason: string;
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

/** A returned quantity of one line. */
export type RefundLineInput = {
  /** Units returned, at most what was bought and not yet refunded. */
  quantity: number;
  /** The line's SKU, as recorded. */
  sku: string;
};

/** Lines of a recorded purchase that were returned. */
export type RefundPurchaseInput = {
  /** A retry with the same key and input returns the first result and books nothing; the same key with other input is a CONFLICT. */
  idempotencyKey: string;
  /** The lines returned, by SKU and quantity. */
  lines: Array<RefundLineInput>;
  /** The order id the purchase was recorded with. */
  orderId: string;
};

/** How a reminder reaches the customer. */
export type ReminderChannel =
  /** To the email address on the profile. */
  | 'EMAIL'
  /** To the customer's app, by customer id. */
  | 'PUSH'
  /** To the phone number on the profile. */
  | 'SMS';

/** Where a reminder is on its way to the customer. */
export type ReminderDelivery =
  /** Committed, not yet handed to the notifier. */
  | 'PENDING'
  /** Handed to the notifier, which has not answered yet. */
  | 'SENDING'
  /** The notifier took it. */
  | 'SENT'
  /** The notifier gave up; it is not sent again. */
  | 'UNDELIVERED';

/** Reopening a RESOLVED case: it goes back to IN_PROGRESS and loses its root cause. */
export type ReopenCaseInput = {
  /** The case. */
  caseId: string | number;
  /** A retry with the same key and input returns the first result; the same key with other input is a CONFLICT. */
  idempotencyKey: string;
  /** Why it is reopened; on the timeline. */
  reason: string;
};

/** A new email or phone for the calling customer, to be confirmed with a code. */
export type RequestContactChangeInput = {
  /** A retry with the same key and input answers as the first request and sends no second code; the same key with other input is a CONFLICT. */
  idempotencyKey: string;
  /** Which contact to change. */
  kind: ContactKind;
  /** The new email, or the new phone in international format; normalised. */
  value: string;
};

/** Resolving a case: the root cause is required. */
export type ResolveCaseInput = {
  /** The case. */
  caseId: string | number;
  /** A retry with the same key and input returns the first result; the same key with other input is a CONFLICT. */
  idempotencyKey: string;
  /** What was done; on the timeline. */
  note?: string | null | undefined;
  /** A current cause's code from the tenant's taxonomy (rootCauses). */
  rootCause: string;
};

/** Adding identifiers a customer already holds changes nothing, so a retry is harmless without a key. */
export type ResolveCustomerInput = {
  /** False: answer NOT_FOUND instead of creating a customer. */
  createIfMissing?: boolean | null | undefined;
  /** Used when the customer is created, or fills an empty name. */
  displayName?: string | null | undefined;
  /** At least one; each as its system knows it. */
  identifiers: Array<IdentifierInput>;
  /** The system or channel that reports the identifiers: crm, pos, web, ... */
  source?: string | null | undefined;
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

/** An earn or a redemption to reverse. */
export type ReverseTransactionInput = {
  /** Required. A retry with the same key and input returns the first result and books nothing; the same key with other input is a CONFLICT. */
  idempotencyKey: string;
  /** Part of the original to reverse; the default is all that is left. */
  points?: number | null | undefined;
  /** Why, shown in the history. */
  reason?: string | null | undefined;
  /** The EARN or REDEEM transaction. */
  transactionId: string | number;
};

/** The definition of a reward. */
export type RewardInput = {
  /** Where it can be redeemed; omit for everywhere. */
  channels?: Array<Channel> | null | undefined;
  /** Short code, unique within the tenant. */
  code: string;
  /** Minor units. */
  costToBusiness: number;
  /** Only members of these tiers; omit for every tier. */
  eligibleTierIds?: Array<string | number> | null | undefined;
  /** The name members see. */
  name: string;
  /** Most vouchers one customer may hold or have used; omit for no limit. */
  perCustomerLimit?: number | null | undefined;
  /** Points one redemption costs the member. */
  pointsCost: number;
  /** Minor units. */
  retailValue: number;
  /** Omit for unlimited. */
  stock?: number | null | undefined;
  /** Redeemable from then on. */
  validFrom?: string | null | undefined;
  /** Redeemable until then. */
  validUntil?: string | null | undefined;
};

/** Where a reward is in its life. */
export type RewardStatus =
  /** Live: members can redeem it. */
  | 'ACTIVE'
  /** Being set up; cost fields can change. */
  | 'DRAFT'
  /** Taken off; vouchers already issued stay valid. */
  | 'INACTIVE';

/** A cause of the taxonomy. */
export type RootCauseInput = {
  /** Letters, digits, - and _, up to 50 characters (stored upper case). */
  code: string;
  /** Up to 200 characters. */
  label: string;
  /** The code of a broader cause in the same list. */
  parentCode?: string | null | undefined;
};

/** A rotation of the secret that signs customer tokens. */
export type RotateCustomerTokenSecretInput = {
  /** Resending the same key returns the same secret instead of rotating again. */
  idempotencyKey: string;
};

/** One routing rule; conditions left out match anything. */
export type RoutingRuleInput = {
  /** The case's channel. */
  channel?: Channel | null | undefined;
  /** The region of the case's store. */
  region?: string | null | undefined;
  /** The case's store. */
  storeId?: string | number | null | undefined;
  /** The team a matching case goes to. */
  teamId: string | number;
  /** The tier the customer holds. */
  tierId?: string | number | null | undefined;
  /** The case's topic (compared in lower case). */
  topic?: string | null | undefined;
};

/** How an earning rule's `value` turns into points. */
export type RuleEffect =
  /** `value` points once per purchase. */
  | 'FIXED_BONUS'
  /** Extra points on the matching lines' base points: `value`/100 times base in total (200 = double points). */
  | 'MULTIPLIER'
  /** `value` points per unit bought of the matching lines. */
  | 'POINTS_PER_UNIT';

/** Whether an earning rule combines with others on one purchase. */
export type RuleStacking =
  /** Applies alone, when it comes first in the order; skipped when another rule already applied. */
  | 'EXCLUSIVE'
  /** Adds to whatever other rules gave. */
  | 'STACKABLE';

/** Puts a customer in a business account, or takes them out. */
export type SetAccountMembershipInput = {
  /** Null takes the customer out of their account. */
  accountId?: string | number | null | undefined;
  /** The customer. */
  customerId: string | number;
};

/** The acceptable churn of one segment (or the tenant's default, for everyone else). */
export type SetChurnThresholdsInput = {
  /** Days without a purchase or points activity after which a customer is INACTIVE, 1 to 3650 (default 60). */
  expectedGapDays: number;
  /** HIGH risk from this risk score up, above mediumFrom (default 60). */
  highFrom: number;
  /** A retry with the same key and input returns the first result; the same key with other input, or from another caller, is a CONFLICT. */
  idempotencyKey: string;
  /** MEDIUM risk from this risk score up, 1 to 1000 (default 25). */
  mediumFrom: number;
  /** A value of Customer.segments; null for the tenant's default, which applies to customers in no segment with thresholds of their own. */
  segment?: string | null | undefined;
};

/** A customer's choice for one purpose, and where they made it. */
export type SetConsentInput = {
  /** The customer; a customer token may name only itself. */
  customerId: string | number;
  /** True gives consent, false withdraws or refuses it. */
  granted: boolean;
  /** A retry with the same key answers with the consent as it is, without recording it twice. */
  idempotencyKey: string;
  /** What the choice is about. */
  purpose: ConsentPurpose;
  /** Where the customer made the choice, e.g. app-settings, pos-signup, call; 1 to 100 characters. */
  source: string;
};

/** The settings to change; those left out stay as they are. */
export type SetFeedbackSettingsInput = {
  /** What happens to a busy customer. */
  busyAction?: BusyAction | null | undefined;
  /** 1 to 12. */
  busyGapMultiplier?: number | null | undefined;
  /** 0 (off) to 1000 interactions. */
  busyInteractions?: number | null | undefined;
  /** 1 to 365 days. */
  busyWindowDays?: number | null | undefined;
  /** 1 to 6. */
  cesDetractorMax?: number | null | undefined;
  /** 1 to 4. */
  csatDetractorMax?: number | null | undefined;
  /** Refused with CONFLICT (VERSION_MISMATCH) unless the settings are still at this version. */
  expectedVersion?: number | null | undefined;
  /** A retry with the same key and input returns the first answer as it is now, without a second change; the same key with other input, or from another caller, is a CONFLICT. */
  idempotencyKey: string;
  /** 0 to 365 days. */
  minDaysBetweenSurveys?: number | null | undefined;
  /** 0 to 9. */
  npsDetractorMax?: number | null | undefined;
};

/** Weights of the health components (0 to 100 each, at least one above 0; the score divides by their total), and optionally the scales and bands. Left out: the default. */
export type SetHealthWeightsInput = {
  /** AT_RISK below this score, 0 to 100 and not above healthyFrom (default 40). */
  atRiskBelow?: number | null | undefined;
  /** Weight of ENGAGEMENT (default 15). */
  engagement: number;
  /** Weight of FREQUENCY (default 20). */
  frequency: number;
  /** HEALTHY from this score up, 0 to 100 (default 70). */
  healthyFrom?: number | null | undefined;
  /** A retry with the same key and input returns the first result; the same key with other input, or from another caller, is a CONFLICT. */
  idempotencyKey: string;
  /** Weight of MONETARY (default 15). */
  monetary: number;
  /** Weight of RECENCY (default 20). */
  recency: number;
  /** Days at which RECENCY reaches 0, 1 to 3650 (default 180). */
  recencyDays?: number | null | undefined;
  /** Redemptions a year that make half of ENGAGEMENT 100, 1 to 1000 (default 2). */
  redemptionsPerYear?: number | null | undefined;
  /** Weight of SENTIMENT (default 15). */
  sentiment: number;
  /** Net spend a year, in minor units, that makes MONETARY 100 (default 100,000). */
  spendPerYear?: number | null | undefined;
  /** Weight of SUPPORT (default 15). */
  support: number;
  /** Purchases a year that make FREQUENCY 100, 1 to 10,000 (default 12). */
  visitsPerYear?: number | null | undefined;
};

/** Something about a customer worth acting on; playbooks map each to actions. */
export type SignalType =
  /** The customer crossed into high churn risk. */
  | 'CHURN_RISK_RAISED'
  /** A survey response under the tenant's detractor threshold. */
  | 'DETRACTOR_RESPONSE'
  /** The customer will drop a tier at the end of the period unless they qualify. */
  | 'DOWNGRADE_AHEAD'
  /** An event from another system, such as a cancelled order (its type is matched). */
  | 'EVENT_INGESTED'
  /** Points expire soon and the customer has not used them. */
  | 'POINTS_EXPIRING'
  /** A support case passed its first-response or resolution deadline. */
  | 'SLA_BREACHED';

/** One of the two deadlines of a case. */
export type SlaDeadline =
  /** Acknowledged (or started, or resolved) by firstResponseDueAt. */
  | 'FIRST_RESPONSE'
  /** Resolved by resolutionDueAt. */
  | 'RESOLUTION';

/** The deadlines of a priority. */
export type SlaPolicyInput = {
  /** Minutes to the first response, 1 to 525600. */
  firstResponseMinutes: number;
  /** The priority. */
  priority: CasePriority;
  /** Minutes to the resolution, at least the first response, at most 525600. */
  resolutionMinutes: number;
};

/** Roles an API key can hold; each query and mutation says which may call it. */
export type StaffRole =
  /** Configures the program, stores and keys. */
  | 'ADMIN'
  /** Contact-center agent: serves customers. */
  | 'AGENT'
  /** Reads customers, program and reports; changes nothing. */
  | 'ANALYST'
  /** Reads the tenant, the ledger and its verification, the financial reports and the audit trail; no customer search, no writes. Only an OWNER creates AUDITOR keys. */
  | 'AUDITOR'
  /** Everything, including secrets and margin guardrail overrides. */
  | 'OWNER'
  /** A point-of-sale terminal, bound to one store. */
  | 'POS'
  /** A back-end integration (CRM, e-commerce, the business's own sign-in service). */
  | 'SERVICE'
  /** Customer service lead: adjustments, status grants, merges. */
  | 'SUPERVISOR';

/** How a loyalty state reached the subscriber. */
export type StateSource =
  /** The state at subscription (no sinceVersion), or instead of missed versions older than the retention window. */
  | 'CURRENT'
  /** A change pushed as it was committed. */
  | 'LIVE'
  /** A version the client missed, replayed in order from the outbox. */
  | 'MISSED';

/** A customer's answer to a survey. */
export type SubmitSurveyResponseInput = {
  /** Where it was answered; a POS key's is always POS; by default the caller's role's channel. */
  channel?: Channel | null | undefined;
  /** The customer's comment; up to 2000 characters. */
  comment?: string | null | undefined;
  /** What it is about; required for a transactional survey. */
  context?: SurveyContextInput | null | undefined;
  /** The customer; a customer token may name only itself. */
  customerId: string | number;
  /** A retry with the same key answers with the first response, recorded once. */
  idempotencyKey: string;
  /** On the survey's scale: NPS 0-10, CES 1-7, CSAT 1-5. */
  score: number;
  /** The store it was answered at; a POS key's own store whether given or not. */
  storeId?: string | number | null | undefined;
  /** An active survey of the tenant. */
  surveyId: string | number;
  /** What it is about, in a word (e.g. delivery); up to 50 characters. */
  topic?: string | null | undefined;
};

/** What a response is about. */
export type SurveyContextInput = {
  /** Required for PURCHASE (the customer's purchase id), CASE (their case id) and CALL; none for RELATIONSHIP. */
  id?: string | null | undefined;
  /** A transactional survey needs PURCHASE, CASE or CALL. */
  type: SurveyContextType;
};

/** What a survey response is about. */
export type SurveyContextType =
  /** A call, by the telephony system's id. */
  | 'CALL'
  /** A support case of the customer's (its id). */
  | 'CASE'
  /** A purchase of the customer's (its id). */
  | 'PURCHASE'
  /** The relationship as a whole (no id). */
  | 'RELATIONSHIP';

/** The survey's question and scale. */
export type SurveyKind =
  /** Customer Effort Score: how easy it was, 1 (very hard) to 7 (very easy). */
  | 'CES'
  /** Customer satisfaction: 1 (very dissatisfied) to 5 (very satisfied). */
  | 'CSAT'
  /** Net Promoter Score: how likely to recommend, 0 to 10. */
  | 'NPS';

/** When a survey is sent. */
export type SurveyTrigger =
  /** Periodically, about the relationship as a whole. */
  | 'RELATIONSHIP'
  /** After a purchase, a support case or a call; a response names it in `context`. */
  | 'TRANSACTIONAL';

/** The kind of text published per channel and locale. */
export type TermsKind =
  /** What contact-center agents (or store staff) are to say about the program. */
  | 'AGENT_SCRIPT'
  /** The program's terms and conditions as a channel shows them to members. */
  | 'PROGRAM_TERMS';

/** Why a member's tier changed. */
export type TierChangeReason =
  /** Dropped one tier after the status period and its grace ended. */
  | 'DOWNGRADED'
  /** Limited-time status granted by staff. */
  | 'GRANTED'
  /** Limited-time status ended, back to the qualified tier. */
  | 'GRANT_ENDED'
  /** A merged duplicate's higher status went to the survivor. */
  | 'MERGED'
  /** Reached a higher tier by qualifying purchases. */
  | 'QUALIFIED'
  /** An unmerge put the survivor's status back. */
  | 'UNMERGED';

/** The definition of a tier. */
export type TierInput = {
  /** Short code, unique within the tenant. */
  code: string;
  /** Default 30. */
  graceDays?: number | null | undefined;
  /** What the threshold counts. */
  metric: TierMetric;
  /** The name members see. */
  name: string;
  /** 0 is the base tier (threshold 0); ranks are unique. */
  rank: number;
  /** The metric over the window needed to reach the tier (spend in minor units). */
  threshold: number;
  /** The period the metric is counted over. */
  window: TierWindow;
};

/** What a tier's threshold counts; only purchases qualify. */
export type TierMetric =
  /** Points earned on purchases. */
  | 'POINTS_EARNED'
  /** Money spent, in minor units. */
  | 'SPEND'
  /** Purchases made. */
  | 'VISITS';

/** Whether a tier change moved the member up or down the ranks. */
export type TierMoveDirection =
  /** To a lower rank. */
  | 'DOWN'
  /** To the same rank. */
  | 'SAME'
  /** To a higher rank. */
  | 'UP';

/** The priority a tier's members' cases get. */
export type TierPriorityInput = {
  /** Its priority. */
  priority: CasePriority;
  /** The tier. */
  tierId: string | number;
};

/** The period a tier's metric is counted over. */
export type TierWindow =
  /** From 1 January, in the tenant time zone. */
  | 'CALENDAR_YEAR'
  /** The last 12 months. */
  | 'ROLLING_12_MONTHS';

/** Narrows a timeline; every condition given must hold. */
export type TimelineFilter = {
  /** Only events on these channels. */
  channels?: Array<Channel> | null | undefined;
  /** Only these kinds. */
  kinds?: Array<TimelineKind> | null | undefined;
  /** Only events that occurred at or after this time. */
  since?: string | null | undefined;
  /** Only events that occurred before this time. */
  until?: string | null | undefined;
};

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

/** Points to move from one customer to another. */
export type TransferPointsInput = {
  /** The sender; a customer token may send only its own points. */
  fromCustomerId: string | number;
  /** Required. A retry with the same key and input returns the first result and books nothing; the same key with other input is a CONFLICT. */
  idempotencyKey: string;
  /** Positive whole points. */
  points: number;
  /** Why, shown in both histories. */
  reason?: string | null | undefined;
  /** The receiver. */
  toCustomerId: string | number;
};

/** A merge to undo. */
export type UnmergeCustomersInput = {
  /** The merge. */
  mergeId: string | number;
  /** Why, for the audit trail. */
  reason?: string | null | undefined;
};

/** Omitted fields stay as they are; an empty string clears phone or displayName. */
export type UpdateCustomerInput = {
  /** Replaces the address; empty fields clear it. */
  address?: AddressInput | null | undefined;
  /** A new name; empty clears it. */
  displayName?: string | null | undefined;
  /** A new email; stored trimmed and lower-cased. Staff only: a customer token changes it with requestContactChange. */
  email?: string | null | undefined;
  /** When given, the update is refused with CONFLICT (VERSION_MISMATCH) unless the profile is still at this profileRevision. */
  expectedProfileRevision?: number | null | undefined;
  /**
   * The same check as expectedProfileRevision; give one of the two.
   * @deprecated Use expectedProfileRevision.
   */
  expectedVersion?: number | null | undefined;
  /** The customer to change. */
  id: string | number;
  /** A new phone in international format; empty clears it. Staff only (a customer token may clear it): a customer changes it with requestContactChange. */
  phone?: string | null | undefined;
  /** Replaces the segments; staff only. */
  segments?: Array<string> | null | undefined;
};

/** Omitted fields stay as they are. */
export type UpdateProgramSettingsInput = {
  /** True removes the margin guardrail. */
  clearGuardrail?: boolean | null | undefined;
  /** Minor units per `earnPoints` points, e.g. 100. */
  earnPerMinor?: number | null | undefined;
  /** Base earn: this many points for every `earnPerMinor` minor units spent. */
  earnPoints?: number | null | undefined;
  /** Refused with CONFLICT unless the settings are still at this version. */
  expectedVersion?: number | null | undefined;
  /** Set `clearGuardrail` to remove it. */
  maxRewardCostPerThousand?: number | null | undefined;
  /** Days purchase points stay pending (the return window); 0 = spendable at once. */
  pendingDays?: number | null | undefined;
  /** What 1,000 points are worth to the business, in minor units. */
  pointValuePerThousand?: number | null | undefined;
  /** How base points are rounded to whole points. */
  rounding?: PointsRounding | null | undefined;
  /** Days a new voucher stays valid. */
  voucherValidityDays?: number | null | undefined;
};

/** Changes to the support settings; a field left out keeps its value. */
export type UpdateSupportSettingsInput = {
  /** True: no default team (an unmatched case has no team). */
  clearDefaultTeam?: boolean | null | undefined;
  /** Where a case goes when no rule matches. */
  defaultTeamId?: string | number | null | undefined;
  /** Minutes before a deadline the job escalates, 0 to 10080. */
  escalationLeadMinutes?: number | null | undefined;
  /** Bounds to set; other roles keep theirs. */
  goodwillStatusLimits?: Array<GoodwillStatusLimitInput> | null | undefined;
  /** A retry with the same key and input returns the first answer as it is now, without a second change; the same key with other input, or from another caller, is a CONFLICT. */
  idempotencyKey: string;
  /** SLAs to set; other priorities keep theirs. */
  slas?: Array<SlaPolicyInput> | null | undefined;
  /** The whole list of tier priorities, replacing the current one ([] to go back to the rank rule). */
  tierPriorities?: Array<TierPriorityInput> | null | undefined;
};

/** Changes to a team; a field left out keeps its value, an empty supervisor clears it. */
export type UpdateSupportTeamInput = {
  /** True: its cases escalate nowhere (it is the top of its path). */
  clearEscalationTeam?: boolean | null | undefined;
  /** The team its cases escalate to (a path must not loop). */
  escalationTeamId?: string | number | null | undefined;
  /** A retry with the same key and input returns the first answer as it is now, without a second change; the same key with other input, or from another caller, is a CONFLICT. */
  idempotencyKey: string;
  /** Its new name. */
  name?: string | null | undefined;
  /** Who leads the team; an empty string clears it. */
  supervisor?: string | null | undefined;
};

/** The fields of a survey to change; those left out stay as they are. */
export type UpdateSurveyInput = {
  /** False switches it off: no longer sent, no new responses. */
  active?: boolean | null | undefined;
  /** Short code, unique within the tenant. */
  code?: string | null | undefined;
  /** Refused with CONFLICT (VERSION_MISMATCH) unless the survey is still at this version. */
  expectedVersion?: number | null | undefined;
  /** A retry with the same key and input returns the first answer as it is now, without a second change; the same key with other input, or from another caller, is a CONFLICT. */
  idempotencyKey: string;
  /** Only while the survey has no responses. */
  kind?: SurveyKind | null | undefined;
  /** Name for staff. */
  name?: string | null | undefined;
  /** The question as the customer sees it. */
  question?: string | null | undefined;
  /** After an interaction, or about the relationship. */
  trigger?: SurveyTrigger | null | undefined;
};

/** Where a voucher is in its life. */
export type VoucherStatus =
  /** Cancelled; its points and stock came back. */
  | 'CANCELLED'
  /** Used once; cannot be used again. */
  | 'CONSUMED'
  /** Issued and not yet used: valid until it expires. */
  | 'ISSUED';

export type CreateBusinessAccountMutationVariables = Exact<{
  input: CreateBusinessAccountInput;
}>;


export type CreateBusinessAccountMutation = { createBusinessAccount: { replayed: boolean, account: { id: string, code: string, name: string, poolPoints: boolean, poolCustomerId: string | null, version: number } } };

export type SetAccountMembershipMutationVariables = Exact<{
  input: SetAccountMembershipInput;
}>;


export type SetAccountMembershipMutation = { setAccountMembership: { id: string, businessAccountId: string | null } };

export type BusinessAccountQueryVariables = Exact<{
  id: string | number;
}>;


export type BusinessAccountQuery = { businessAccount: { name: string, poolPoints: boolean, poolBalance: { available: number, pending: number } | null, members: Array<{ id: string }> } };

export type AccountMemberQueryVariables = Exact<{
  id: string | number;
}>;


export type AccountMemberQuery = { customer: { balance: { available: number }, businessAccount: { code: string, poolBalance: { available: number } | null } | null } };

export type RecordMemberPurchaseMutationVariables = Exact<{
  input: RecordPurchaseInput;
}>;


export type RecordMemberPurchaseMutation = { recordPurchase: { totalPoints: number, transaction: { id: string } | null } };

export type CaseFieldsFragment = { id: string, customerId: string, status: CaseStatus, priority: CasePriority, topic: string | null, channel: string | null, storeId: string | null, sourceType: CaseSourceType, sourceId: string | null, subject: string, openedAt: string, acknowledgedAt: string | null, firstResponseDueAt: string, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, firstResponseBreachedAt: string | null, resolutionBreachedAt: string | null, escalationLevel: number, rootCause: string | null, version: number, team: { id: string, code: string } | null };

export type GoodwillFieldsFragment = { id: string, customerId: string, caseId: string | null, kind: GoodwillKind, points: number | null, tierId: string | null, until: string | null, reason: string, status: GoodwillStatus, requestedBy: string, requestedRole: StaffRole, decidedBy: string | null, decidedAt: string | null, decisionNote: string | null, ledgerTransactionId: string | null, tierChangeId: string | null, replayed: boolean };

export type CreateSupportTeamMutationVariables = Exact<{
  input: CreateSupportTeamInput;
}>;


export type CreateSupportTeamMutation = { createSupportTeam: { id: string, code: string, name: string, escalationTeamId: string | null, supervisor: string | null } };

export type UpdateSupportTeamMutationVariables = Exact<{
  id: string | number;
  input: UpdateSupportTeamInput;
}>;


export type UpdateSupportTeamMutation = { updateSupportTeam: { id: string, name: string, escalationTeamId: string | null, supervisor: string | null, escalationTeam: { code: string } | null } };

export type SetRoutingRulesMutationVariables = Exact<{
  rules: Array<RoutingRuleInput> | RoutingRuleInput;
  idempotencyKey: string;
}>;


export type SetRoutingRulesMutation = { setRoutingRules: Array<{ position: number, teamId: string, storeId: string | null, region: string | null, channel: Channel | null, tierId: string | null, topic: string | null }> };

export type UpdateSupportSettingsMutationVariables = Exact<{
  input: UpdateSupportSettingsInput;
}>;


export type UpdateSupportSettingsMutation = { updateSupportSettings: { defaultTeamId: string | null, escalationLeadMinutes: number, slas: Array<{ priority: CasePriority, firstResponseMinutes: number, resolutionMinutes: number, isDefault: boolean }>, tierPriorities: Array<{ tierId: string, priority: CasePriority }>, goodwillStatusLimits: Array<{ role: StaffRole, maxStatusDays: number | null }> } };

export type SetRootCauseTaxonomyMutationVariables = Exact<{
  causes: Array<RootCauseInput> | RootCauseInput;
  idempotencyKey: string;
}>;


export type SetRootCauseTaxonomyMutation = { setRootCauseTaxonomy: Array<{ code: string, label: string, parentCode: string | null, retiredAt: string | null }> };

export type RootCausesQueryVariables = Exact<{
  includeRetired: boolean;
}>;


export type RootCausesQuery = { rootCauses: Array<{ code: string, label: string, parentCode: string | null, retiredAt: string | null }> };

export type OpenCaseMutationVariables = Exact<{
  input: OpenCaseInput;
}>;


export type OpenCaseMutation = { openCase: { id: string, customerId: string, status: CaseStatus, priority: CasePriority, topic: string | null, channel: string | null, storeId: string | null, sourceType: CaseSourceType, sourceId: string | null, subject: string, openedAt: string, acknowledgedAt: string | null, firstResponseDueAt: string, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, firstResponseBreachedAt: string | null, resolutionBreachedAt: string | null, escalationLevel: number, rootCause: string | null, version: number, team: { id: string, code: string } | null } };

export type AcknowledgeCaseMutationVariables = Exact<{
  input: CaseChangeInput;
}>;


export type AcknowledgeCaseMutation = { acknowledgeCase: { id: string, customerId: string, status: CaseStatus, priority: CasePriority, topic: string | null, channel: string | null, storeId: string | null, sourceType: CaseSourceType, sourceId: string | null, subject: string, openedAt: string, acknowledgedAt: string | null, firstResponseDueAt: string, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, firstResponseBreachedAt: string | null, resolutionBreachedAt: string | null, escalationLevel: number, rootCause: string | null, version: number, team: { id: string, code: string } | null } };

export type StartCaseMutationVariables = Exact<{
  input: CaseChangeInput;
}>;


export type StartCaseMutation = { startCase: { id: string, customerId: string, status: CaseStatus, priority: CasePriority, topic: string | null, channel: string | null, storeId: string | null, sourceType: CaseSourceType, sourceId: string | null, subject: string, openedAt: string, acknowledgedAt: string | null, firstResponseDueAt: string, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, firstResponseBreachedAt: string | null, resolutionBreachedAt: string | null, escalationLevel: number, rootCause: string | null, version: number, team: { id: string, code: string } | null } };

export type ResolveCaseMutationVariables = Exact<{
  input: ResolveCaseInput;
}>;


export type ResolveCaseMutation = { resolveCase: { id: string, customerId: string, status: CaseStatus, priority: CasePriority, topic: string | null, channel: string | null, storeId: string | null, sourceType: CaseSourceType, sourceId: string | null, subject: string, openedAt: string, acknowledgedAt: string | null, firstResponseDueAt: string, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, firstResponseBreachedAt: string | null, resolutionBreachedAt: string | null, escalationLevel: number, rootCause: string | null, version: number, team: { id: string, code: string } | null } };

export type ReopenCaseMutationVariables = Exact<{
  input: ReopenCaseInput;
}>;


export type ReopenCaseMutation = { reopenCase: { id: string, customerId: string, status: CaseStatus, priority: CasePriority, topic: string | null, channel: string | null, storeId: string | null, sourceType: CaseSourceType, sourceId: string | null, subject: string, openedAt: string, acknowledgedAt: string | null, firstResponseDueAt: string, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, firstResponseBreachedAt: string | null, resolutionBreachedAt: string | null, escalationLevel: number, rootCause: string | null, version: number, team: { id: string, code: string } | null } };

export type CloseCaseMutationVariables = Exact<{
  input: CaseChangeInput;
}>;


export type CloseCaseMutation = { closeCase: { id: string, customerId: string, status: CaseStatus, priority: CasePriority, topic: string | null, channel: string | null, storeId: string | null, sourceType: CaseSourceType, sourceId: string | null, subject: string, openedAt: string, acknowledgedAt: string | null, firstResponseDueAt: string, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, firstResponseBreachedAt: string | null, resolutionBreachedAt: string | null, escalationLevel: number, rootCause: string | null, version: number, team: { id: string, code: string } | null } };

export type AddCaseNoteMutationVariables = Exact<{
  input: AddCaseNoteInput;
}>;


export type AddCaseNoteMutation = { addCaseNote: { id: string, customerId: string, status: CaseStatus, priority: CasePriority, topic: string | null, channel: string | null, storeId: string | null, sourceType: CaseSourceType, sourceId: string | null, subject: string, openedAt: string, acknowledgedAt: string | null, firstResponseDueAt: string, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, firstResponseBreachedAt: string | null, resolutionBreachedAt: string | null, escalationLevel: number, rootCause: string | null, version: number, team: { id: string, code: string } | null } };

export type SupportCaseQueryVariables = Exact<{
  id: string | number;
}>;


export type SupportCaseQuery = { case: { id: string, customerId: string, status: CaseStatus, priority: CasePriority, topic: string | null, channel: string | null, storeId: string | null, sourceType: CaseSourceType, sourceId: string | null, subject: string, openedAt: string, acknowledgedAt: string | null, firstResponseDueAt: string, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, firstResponseBreachedAt: string | null, resolutionBreachedAt: string | null, escalationLevel: number, rootCause: string | null, version: number, history: Array<{ kind: TimelineKind, actor: string, summary: string, data: Record<string, unknown>, refType: string | null, refId: string | null }>, goodwill: Array<{ id: string, customerId: string, caseId: string | null, kind: GoodwillKind, points: number | null, tierId: string | null, until: string | null, reason: string, status: GoodwillStatus, requestedBy: string, requestedRole: StaffRole, decidedBy: string | null, decidedAt: string | null, decisionNote: string | null, ledgerTransactionId: string | null, tierChangeId: string | null, replayed: boolean }>, team: { id: string, code: string } | null } | null };

export type CasesQueryVariables = Exact<{
  filter?: CaseFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CasesQuery = { cases: { edges: Array<{ cursor: string, node: { id: string, customerId: string, status: CaseStatus, priority: CasePriority, topic: string | null, channel: string | null, storeId: string | null, sourceType: CaseSourceType, sourceId: string | null, subject: string, openedAt: string, acknowledgedAt: string | null, firstResponseDueAt: string, resolutionDueAt: string, resolvedAt: string | null, closedAt: string | null, firstResponseBreachedAt: string | null, resolutionBreachedAt: string | null, escalationLevel: number, rootCause: string | null, version: number, team: { id: string, code: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CustomerCasesQueryVariables = Exact<{
  id: string | number;
  status?: Array<CaseStatus> | CaseStatus | null | undefined;
}>;


export type CustomerCasesQuery = { customer: { cases: { edges: Array<{ node: { id: string, status: CaseStatus } }> } } };

export type CaseAssignedSubscriptionVariables = Exact<{
  teamId: string | number;
  since?: number | null | undefined;
}>;


export type CaseAssignedSubscription = { caseAssigned: { version: number, source: StateSource, caseId: string, customerId: string, teamId: string, priority: CasePriority, subject: string, topic: string | null, firstResponseDueAt: string, resolutionDueAt: string } };

export type CaseEscalatedSubscriptionVariables = Exact<{
  teamId: string | number;
  since?: number | null | undefined;
}>;


export type CaseEscalatedSubscription = { caseEscalated: { version: number, source: StateSource, caseId: string, fromTeamId: string | null, teamId: string, escalationLevel: number, deadlines: Array<SlaDeadline>, breached: Array<SlaDeadline>, priority: CasePriority } };

export type GrantGoodwillMutationVariables = Exact<{
  input: GrantGoodwillInput;
}>;


export type GrantGoodwillMutation = { grantGoodwill: { id: string, customerId: string, caseId: string | null, kind: GoodwillKind, points: number | null, tierId: string | null, until: string | null, reason: string, status: GoodwillStatus, requestedBy: string, requestedRole: StaffRole, decidedBy: string | null, decidedAt: string | null, decisionNote: string | null, ledgerTransactionId: string | null, tierChangeId: string | null, replayed: boolean } };

export type ApproveGoodwillMutationVariables = Exact<{
  grantId: string | number;
  idempotencyKey: string;
}>;


export type ApproveGoodwillMutation = { approveGoodwill: { id: string, customerId: string, caseId: string | null, kind: GoodwillKind, points: number | null, tierId: string | null, until: string | null, reason: string, status: GoodwillStatus, requestedBy: string, requestedRole: StaffRole, decidedBy: string | null, decidedAt: string | null, decisionNote: string | null, ledgerTransactionId: string | null, tierChangeId: string | null, replayed: boolean } };

export type RejectGoodwillMutationVariables = Exact<{
  grantId: string | number;
  reason: string;
  idempotencyKey: string;
}>;


export type RejectGoodwillMutation = { rejectGoodwill: { id: string, customerId: string, caseId: string | null, kind: GoodwillKind, points: number | null, tierId: string | null, until: string | null, reason: string, status: GoodwillStatus, requestedBy: string, requestedRole: StaffRole, decidedBy: string | null, decidedAt: string | null, decisionNote: string | null, ledgerTransactionId: string | null, tierChangeId: string | null, replayed: boolean } };

export type PendingGoodwillQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PendingGoodwillQuery = { pendingGoodwill: { edges: Array<{ node: { id: string, status: GoodwillStatus, points: number | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RootCauseAuditQueryVariables = Exact<{
  sampleSize: number;
  since?: string | null | undefined;
  until?: string | null | undefined;
}>;


export type RootCauseAuditQuery = { rootCauseAudit: { reviewed: number, agreed: number, agreementRate: number | null, sample: Array<{ id: string, rootCause: string | null, status: CaseStatus }> } };

export type ConfirmRootCauseMutationVariables = Exact<{
  caseId: string | number;
  idempotencyKey: string;
  correctRootCause?: string | null | undefined;
}>;


export type ConfirmRootCauseMutation = { confirmRootCause: { caseId: string, originalCause: string, confirmedCause: string, agreed: boolean, auditor: string } };

export type CreateCustomerMutationVariables = Exact<{
  input: CreateCustomerInput;
}>;


export type CreateCustomerMutation = { createCustomer: { id: string, email: string | null, phone: string | null, displayName: string | null, profileRevision: number } };

export type CustomerQueryVariables = Exact<{
  id: string | number;
}>;


export type CustomerQuery = { customer: { id: string, email: string | null, phone: string | null, displayName: string | null, profileRevision: number, createdAt: string } };

export type CustomersQueryVariables = Exact<{
  search?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CustomersQuery = { customers: { edges: Array<{ cursor: string, node: { id: string, email: string | null, displayName: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type IssueCustomerTokenMutationVariables = Exact<{
  customerId: string | number;
  ttlSeconds?: number | null | undefined;
}>;


export type IssueCustomerTokenMutation = { issueCustomerToken: { token: string } };

export type SearchCustomersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type SearchCustomersQuery = { customers: { edges: Array<{ cursor: string, node: { id: string, email: string | null, phone: string | null, displayName: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type DuplicateCandidatesQueryVariables = Exact<{
  min?: number | null | undefined;
}>;


export type DuplicateCandidatesQuery = { duplicateCandidates: Array<{ score: number, customers: Array<{ id: string }>, reasons: Array<{ kind: DuplicateReasonKind, detail: string, weight: number }> }> };

export type DataQualityReportQueryVariables = Exact<{
  months?: number | null | undefined;
  examples?: number | null | undefined;
}>;


export type DataQualityReportQuery = { dataQualityReport: { customers: number, inactiveMonths: number, checks: Array<{ issue: DataQualityIssue, count: number, examples: Array<{ customerId: string, detail: string }> }> } };

export type ResolveCustomerMutationVariables = Exact<{
  input: ResolveCustomerInput;
}>;


export type ResolveCustomerMutation = { resolveCustomer: { outcome: ResolveOutcome, customer: { id: string, email: string | null, phone: string | null, anonymous: boolean, displayName: string | null, identifiers: Array<{ kind: IdentifierKind, value: string, source: string | null }> } | null, candidates: Array<{ id: string }>, matchedBy: Array<{ kind: IdentifierKind, value: string }>, added: Array<{ kind: IdentifierKind, value: string }> } };

export type AddCustomerIdentifierMutationVariables = Exact<{
  input: AddIdentifierInput;
}>;


export type AddCustomerIdentifierMutation = { addCustomerIdentifier: { id: string, anonymous: boolean, identifiers: Array<{ kind: IdentifierKind, value: string }> } };

export type MergeCustomersMutationVariables = Exact<{
  input: MergeCustomersInput;
}>;


export type MergeCustomersMutation = { mergeCustomers: { replayed: boolean, survivor: { id: string, email: string | null, phone: string | null, anonymous: boolean }, merge: { id: string, survivorId: string, mergedId: string, reason: string, actor: string, status: MergeStatus, pointsMoved: number, transactionId: string | null } } };

export type UnmergeCustomersMutationVariables = Exact<{
  input: UnmergeCustomersInput;
}>;


export type UnmergeCustomersMutation = { unmergeCustomers: { replayed: boolean, restored: { id: string, email: string | null }, merge: { id: string, status: MergeStatus, undoneBy: string | null, unmergeReport: { pointsReturned: number, pointsNotReturned: number, identifiersReturned: number, identifiersNotReturned: number, tierRestored: boolean, notes: Array<string> } | null } } };

export type MergedCustomerViewQueryVariables = Exact<{
  id: string | number;
}>;


export type MergedCustomerViewQuery = { customer: { id: string, email: string | null, tier: { current: { code: string } } | null, balance: { available: number, pending: number }, identifiers: Array<{ kind: IdentifierKind, value: string }>, timeline: { edges: Array<{ node: { kind: TimelineKind, summary: string } }> } } };

export type ResolveCustomerOutcomeMutationVariables = Exact<{
  input: ResolveCustomerInput;
}>;


export type ResolveCustomerOutcomeMutation = { resolveCustomer: { outcome: ResolveOutcome, customer: { id: string, anonymous: boolean } | null, candidates: Array<{ id: string }> } };

export type UpdateCustomerVersionMutationVariables = Exact<{
  input: UpdateCustomerInput;
}>;


export type UpdateCustomerVersionMutation = { updateCustomer: { profileRevision: number } };

export type CustomerEmailQueryVariables = Exact<{
  id: string | number;
}>;


export type CustomerEmailQuery = { customer: { id: string, email: string | null } };

export type RequestContactChangeMutationVariables = Exact<{
  input: RequestContactChangeInput;
}>;


export type RequestContactChangeMutation = { requestContactChange: { kind: ContactKind, expiresAt: string, replayed: boolean } };

export type ConfirmContactChangeMutationVariables = Exact<{
  input: ConfirmContactChangeInput;
}>;


export type ConfirmContactChangeMutation = { confirmContactChange: { id: string, email: string | null, phone: string | null, profileRevision: number } };

export type RecordPurchaseMutationVariables = Exact<{
  input: RecordPurchaseInput;
}>;


export type RecordPurchaseMutation = { recordPurchase: { purchaseId: string, orderId: string, customerId: string, amount: number, basePoints: number, totalPoints: number, pendingUntil: string | null, replayed: boolean, transaction: { id: string } | null, tierChange: { to: { code: string } } | null } };

export type RecordPurchaseTierChangeMutationVariables = Exact<{
  input: RecordPurchaseInput;
}>;


export type RecordPurchaseTierChangeMutation = { recordPurchase: { totalPoints: number, tierChange: { to: { code: string } } | null } };

export type RecordPurchaseBreakdownMutationVariables = Exact<{
  input: RecordPurchaseInput;
}>;


export type RecordPurchaseBreakdownMutation = { recordPurchase: { purchaseId: string, orderId: string, replayed: boolean, amount: number, basePoints: number, totalPoints: number, pendingUntil: string | null, contributions: Array<{ source: ContributionSource, code: string, points: number, requestedPoints: number, outcome: ContributionOutcome, note: string }>, lines: Array<{ sku: string, quantity: number, amount: number, points: number }>, transaction: { id: string, points: number } | null, tierChange: { from: { code: string } | null, to: { code: string } } | null } };

export type PreviewPurchaseQueryVariables = Exact<{
  input: PreviewPurchaseInput;
}>;


export type PreviewPurchaseQuery = { previewPurchase: { amount: number, basePoints: number, totalPoints: number, pendingUntil: string | null, contributions: Array<{ source: ContributionSource, code: string, points: number, requestedPoints: number, outcome: ContributionOutcome, note: string }>, lines: Array<{ sku: string, quantity: number, amount: number, points: number }> } };

export type RefundPurchaseMutationVariables = Exact<{
  input: RefundPurchaseInput;
}>;


export type RefundPurchaseMutation = { refundPurchase: { refundId: string, amount: number, points: number, pointsClawedBack: number, pointsUncollected: number, replayed: boolean, transaction: { kind: PointsTransactionKind, points: number } | null } };

export type CreateEarningRuleMutationVariables = Exact<{
  input: EarningRuleInput;
}>;


export type CreateEarningRuleMutation = { createEarningRule: { id: string, code: string } };

export type SetConsentMutationVariables = Exact<{
  input: SetConsentInput;
}>;


export type SetConsentMutation = { setConsent: { changed: boolean, replayed: boolean, consent: { purpose: ConsentPurpose, granted: boolean, source: string | null, recordedAt: string | null } } };

export type CustomerConsentsQueryVariables = Exact<{
  id: string | number;
}>;


export type CustomerConsentsQuery = { customer: { id: string, consents: Array<{ purpose: ConsentPurpose, granted: boolean, source: string | null, recordedAt: string | null }> } };

export type CreateSurveyMutationVariables = Exact<{
  input: CreateSurveyInput;
}>;


export type CreateSurveyMutation = { createSurvey: { id: string, code: string, name: string, kind: SurveyKind, trigger: SurveyTrigger, question: string, active: boolean, version: number } };

export type UpdateSurveyMutationVariables = Exact<{
  id: string | number;
  input: UpdateSurveyInput;
}>;


export type UpdateSurveyMutation = { updateSurvey: { id: string, code: string, kind: SurveyKind, active: boolean, version: number } };

export type SurveysQueryVariables = Exact<{
  activeOnly?: boolean | null | undefined;
}>;


export type SurveysQuery = { surveys: Array<{ id: string, code: string, kind: SurveyKind, active: boolean }> };

export type FeedbackSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type FeedbackSettingsQuery = { feedbackSettings: { minDaysBetweenSurveys: number, busyInteractions: number, busyWindowDays: number, busyAction: BusyAction, busyGapMultiplier: number, npsDetractorMax: number, cesDetractorMax: number, csatDetractorMax: number, version: number } };

export type SetFeedbackSettingsMutationVariables = Exact<{
  input: SetFeedbackSettingsInput;
}>;


export type SetFeedbackSettingsMutation = { setFeedbackSettings: { minDaysBetweenSurveys: number, busyInteractions: number, busyWindowDays: number, busyAction: BusyAction, busyGapMultiplier: number, npsDetractorMax: number, cesDetractorMax: number, csatDetractorMax: number, version: number } };

export type SurveyEligibilityQueryVariables = Exact<{
  customerId: string | number;
  surveyId: string | number;
}>;


export type SurveyEligibilityQuery = { surveyEligibility: { eligible: boolean, reasons: Array<IneligibilityReason>, nextEligibleAt: string | null, lastSurveyedAt: string | null } };

export type SubmitSurveyResponseMutationVariables = Exact<{
  input: SubmitSurveyResponseInput;
}>;


export type SubmitSurveyResponseMutation = { submitSurveyResponse: { replayed: boolean, response: { id: string, surveyId: string, kind: SurveyKind, score: number, comment: string | null, channel: Channel, storeId: string | null, topic: string | null, detractor: boolean, respondedAt: string, context: { type: SurveyContextType, id: string | null } | null } } };

export type CustomerSurveyResponsesQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CustomerSurveyResponsesQuery = { customer: { id: string, surveyResponses: { edges: Array<{ cursor: string, node: { id: string, score: number, kind: SurveyKind, detractor: boolean, survey: { code: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type CustomerHealthQueryVariables = Exact<{
  id: string | number;
}>;


export type CustomerHealthQuery = { customer: { id: string, health: { score: number, band: HealthBand, computedAt: string, components: Array<{ name: HealthComponentName, value: number, weight: number, contribution: number }> } | null, churnRisk: { level: ChurnRiskLevel, score: number, segment: string | null, computedAt: string, reasons: Array<{ signal: ChurnSignal, detail: string, weight: number }> } | null } };

export type HealthSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type HealthSettingsQuery = { healthSettings: { recencyDays: number, visitsPerYear: number, spendPerYear: number, redemptionsPerYear: number, healthyFrom: number, atRiskBelow: number, isDefault: boolean, setBy: string | null, weights: { recency: number, frequency: number, monetary: number, engagement: number, support: number, sentiment: number }, churnThresholds: Array<{ segment: string | null, expectedGapDays: number, mediumFrom: number, highFrom: number, isDefault: boolean }> } };

export type SetHealthWeightsMutationVariables = Exact<{
  input: SetHealthWeightsInput;
}>;


export type SetHealthWeightsMutation = { setHealthWeights: { replayed: boolean, settings: { healthyFrom: number, atRiskBelow: number, isDefault: boolean, weights: { recency: number, frequency: number, monetary: number, engagement: number, support: number, sentiment: number } } } };

export type SetChurnThresholdsMutationVariables = Exact<{
  input: SetChurnThresholdsInput;
}>;


export type SetChurnThresholdsMutation = { setChurnThresholds: { replayed: boolean, threshold: { segment: string | null, expectedGapDays: number, mediumFrom: number, highFrom: number, isDefault: boolean } } };

export type AtRiskCustomersQueryVariables = Exact<{
  segment?: string | null | undefined;
  minLevel?: ChurnRiskLevel | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AtRiskCustomersQuery = { atRiskCustomers: { edges: Array<{ cursor: string, node: { customer: { id: string }, churnRisk: { level: ChurnRiskLevel, score: number }, health: { score: number } } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, endCursor: string | null } } };

export type ChurnRiskRaisedSubscriptionVariables = Exact<{
  sinceVersion?: number | null | undefined;
}>;


export type ChurnRiskRaisedSubscription = { churnRiskRaised: { version: number, source: StateSource, customerId: string, from: ChurnRiskLevel, score: number, computedAt: string, reasons: Array<{ signal: ChurnSignal, weight: number }> } };

export type FeedbackMetricsQueryVariables = Exact<{
  period: MetricPeriodInput;
  groupBy?: ActivityGrouping | null | undefined;
}>;


export type FeedbackMetricsQuery = { feedbackMetrics: Array<{ periodStart: string, periodEnd: string, group: string | null, responses: number, nps: { responses: number, promoters: number, passives: number, detractors: number, score: number | null }, ces: { responses: number, mean: number | null }, csat: { responses: number, satisfied: number, percentSatisfied: number | null, mean: number | null } }> };

export type ChurnMetricsQueryVariables = Exact<{
  period: MetricPeriodInput;
  groupBy?: MemberGrouping | null | undefined;
}>;


export type ChurnMetricsQuery = { churnMetrics: Array<{ periodStart: string, periodEnd: string, group: string | null, activeMembers: number, previouslyActive: number, retained: number, churned: number, churnRate: number | null, retentionRate: number | null }> };

export type CohortRetentionQueryVariables = Exact<{
  period: MetricPeriodInput;
  groupBy?: MemberGrouping | null | undefined;
}>;


export type CohortRetentionQuery = { cohortRetention: Array<{ cohort: string, periodStart: string, periodsSinceEnrolment: number, group: string | null, cohortSize: number, retained: number, retentionRate: number | null }> };

export type PointsMetricsQueryVariables = Exact<{
  period: MetricPeriodInput;
  groupBy?: ActivityGrouping | null | undefined;
}>;


export type PointsMetricsQuery = { pointsMetrics: Array<{ periodStart: string, periodEnd: string, group: string | null, earned: number, redeemed: number, expired: number, adjusted: number, redemptionRate: number | null, cumulativeEarned: number, cumulativeRedeemed: number, cumulativeRedemptionRate: number | null, activeMembers: number }> };

export type AttainmentFragment = { due: number, met: number, missed: number, pending: number, attainment: number | null };

export type CaseSlaMetricsQueryVariables = Exact<{
  period: MetricPeriodInput;
  groupBy?: CaseGrouping | null | undefined;
}>;


export type CaseSlaMetricsQuery = { caseSlaMetrics: Array<{ periodStart: string, group: string | null, firstResponse: { due: number, met: number, missed: number, pending: number, attainment: number | null }, resolution: { due: number, met: number, missed: number, pending: number, attainment: number | null }, overall: { due: number, met: number, missed: number, pending: number, attainment: number | null } }> };

export type TierDistributionQueryVariables = Exact<{
  asOf?: string | null | undefined;
  groupBy?: MemberGrouping | null | undefined;
}>;


export type TierDistributionQuery = { tierDistribution: Array<{ group: string | null, tierCode: string, rank: number, members: number, share: number | null }> };

export type TierMovementQueryVariables = Exact<{
  period: MetricPeriodInput;
  groupBy?: MemberGrouping | null | undefined;
}>;


export type TierMovementQuery = { tierMovement: Array<{ periodStart: string, group: string | null, reason: TierChangeReason, direction: TierMoveDirection, fromTierCode: string | null, toTierCode: string | null, changes: number }> };

export type PointsResultFieldsFragment = { replayed: boolean, transaction: { id: string, kind: PointsTransactionKind, points: number, reason: string, actor: string, channel: Channel | null, idempotencyKey: string | null, reversesId: string | null, entries: Array<{ account: LedgerAccount, customerId: string | null, amount: number }> }, balance: { available: number, pending: number, balanceRevision: number } };

export type EarnPointsMutationVariables = Exact<{
  input: EarnPointsInput;
}>;


export type EarnPointsMutation = { earnPoints: { replayed: boolean, transaction: { id: string, kind: PointsTransactionKind, points: number, reason: string, actor: string, channel: Channel | null, idempotencyKey: string | null, reversesId: string | null, entries: Array<{ account: LedgerAccount, customerId: string | null, amount: number }> }, balance: { available: number, pending: number, balanceRevision: number } } };

export type RedeemPointsMutationVariables = Exact<{
  input: RedeemPointsInput;
}>;


export type RedeemPointsMutation = { redeemPoints: { replayed: boolean, transaction: { id: string, kind: PointsTransactionKind, points: number, reason: string, actor: string, channel: Channel | null, idempotencyKey: string | null, reversesId: string | null, entries: Array<{ account: LedgerAccount, customerId: string | null, amount: number }> }, balance: { available: number, pending: number, balanceRevision: number } } };

export type TransferPointsMutationVariables = Exact<{
  input: TransferPointsInput;
}>;


export type TransferPointsMutation = { transferPoints: { replayed: boolean, transaction: { id: string, kind: PointsTransactionKind, points: number, reason: string, actor: string, channel: Channel | null, idempotencyKey: string | null, reversesId: string | null, entries: Array<{ account: LedgerAccount, customerId: string | null, amount: number }> }, balance: { available: number, pending: number, balanceRevision: number } } };

export type ReverseTransactionMutationVariables = Exact<{
  input: ReverseTransactionInput;
}>;


export type ReverseTransactionMutation = { reverseTransaction: { replayed: boolean, transaction: { id: string, kind: PointsTransactionKind, points: number, reason: string, actor: string, channel: Channel | null, idempotencyKey: string | null, reversesId: string | null, entries: Array<{ account: LedgerAccount, customerId: string | null, amount: number }> }, balance: { available: number, pending: number, balanceRevision: number } } };

export type AdjustPointsMutationVariables = Exact<{
  input: AdjustPointsInput;
}>;


export type AdjustPointsMutation = { adjustPoints: { replayed: boolean, transaction: { id: string, kind: PointsTransactionKind, points: number, reason: string, actor: string, channel: Channel | null, idempotencyKey: string | null, reversesId: string | null, entries: Array<{ account: LedgerAccount, customerId: string | null, amount: number }> }, balance: { available: number, pending: number, balanceRevision: number } } };

export type CustomerBalanceQueryVariables = Exact<{
  id: string | number;
  days?: number;
}>;


export type CustomerBalanceQuery = { customer: { balance: { available: number, pending: number, lifetimeEarned: number, lifetimeRedeemed: number, expired: number, balanceRevision: number, expiringPoints: number } } };

export type ReverseTransactionIdMutationVariables = Exact<{
  input: ReverseTransactionInput;
}>;


export type ReverseTransactionIdMutation = { reverseTransaction: { transaction: { id: string } } };

export type PointsTransactionsPageQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type PointsTransactionsPageQuery = { customer: { pointsTransactions: { edges: Array<{ node: { points: number, idempotencyKey: string | null, entries: Array<{ amount: number }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type TransferHistoryQueryVariables = Exact<{
  id: string | number;
}>;


export type TransferHistoryQuery = { customer: { pointsTransactions: { edges: Array<{ node: { kind: PointsTransactionKind, points: number, counterpartyId: string | null } }> } } };

export type LedgerIntegrityQueryVariables = Exact<{ [key: string]: never; }>;


export type LedgerIntegrityQuery = { ledgerIntegrity: { ok: boolean, transactionsChecked: number, balancesChecked: number, discrepancies: Array<{ check: string, detail: string }> } };

export type PlaybookFieldsFragment = { id: string, code: string, name: string, signal: SignalType, eventType: string | null, segments: Array<string>, minTierRank: number | null, active: boolean, version: number, retiredAt: string | null, actions: Array<{ type: PlaybookActionType, subject: string | null, topic: string | null, teamId: string | null, message: string | null, points: number | null, statusDays: number | null, reason: string | null, templateCode: string | null, channel: ReminderChannel | null }> };

export type CreatePlaybookMutationVariables = Exact<{
  input: PlaybookInput;
}>;


export type CreatePlaybookMutation = { createPlaybook: { id: string, code: string, name: string, signal: SignalType, eventType: string | null, segments: Array<string>, minTierRank: number | null, active: boolean, version: number, retiredAt: string | null, actions: Array<{ type: PlaybookActionType, subject: string | null, topic: string | null, teamId: string | null, message: string | null, points: number | null, statusDays: number | null, reason: string | null, templateCode: string | null, channel: ReminderChannel | null }> } };

export type UpdatePlaybookMutationVariables = Exact<{
  id: string | number;
  input: PlaybookInput;
}>;


export type UpdatePlaybookMutation = { updatePlaybook: { id: string, code: string, name: string, signal: SignalType, eventType: string | null, segments: Array<string>, minTierRank: number | null, active: boolean, version: number, retiredAt: string | null, actions: Array<{ type: PlaybookActionType, subject: string | null, topic: string | null, teamId: string | null, message: string | null, points: number | null, statusDays: number | null, reason: string | null, templateCode: string | null, channel: ReminderChannel | null }> } };

export type RetirePlaybookMutationVariables = Exact<{
  id: string | number;
  idempotencyKey: string;
}>;


export type RetirePlaybookMutation = { retirePlaybook: { id: string, code: string, name: string, signal: SignalType, eventType: string | null, segments: Array<string>, minTierRank: number | null, active: boolean, version: number, retiredAt: string | null, actions: Array<{ type: PlaybookActionType, subject: string | null, topic: string | null, teamId: string | null, message: string | null, points: number | null, statusDays: number | null, reason: string | null, templateCode: string | null, channel: ReminderChannel | null }> } };

export type PlaybooksQueryVariables = Exact<{
  includeRetired?: boolean | null | undefined;
}>;


export type PlaybooksQuery = { playbooks: Array<{ id: string, code: string, name: string, signal: SignalType, eventType: string | null, segments: Array<string>, minTierRank: number | null, active: boolean, version: number, retiredAt: string | null, actions: Array<{ type: PlaybookActionType, subject: string | null, topic: string | null, teamId: string | null, message: string | null, points: number | null, statusDays: number | null, reason: string | null, templateCode: string | null, channel: ReminderChannel | null }> }> };

export type PlaybookFiringsQueryVariables = Exact<{
  filter?: PlaybookFiringFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PlaybookFiringsQuery = { playbookFirings: { edges: Array<{ cursor: string, node: { id: string, playbookId: string, playbookCode: string, playbookVersion: number, customerId: string, signal: SignalType, cause: string, outcome: PlaybookActionOutcome, firedAt: string, actions: Array<{ type: PlaybookActionType, outcome: PlaybookActionOutcome, reason: string | null, refType: string | null, refId: string | null, delivery: ReminderDelivery | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type TeamAlertSubscriptionVariables = Exact<{
  teamId: string | number;
  sinceVersion?: number | null | undefined;
}>;


export type TeamAlertSubscription = { teamAlert: { version: number, source: StateSource, teamId: string, customerId: string, playbookId: string, playbookName: string, firingId: string, signal: SignalType, caseId: string | null, message: string, alertedAt: string } };

export type SyncOfflineOperationsMutationVariables = Exact<{
  store: string | number;
  ops: Array<OfflineOperationInput> | OfflineOperationInput;
}>;


export type SyncOfflineOperationsMutation = { syncOfflineOperations: { applied: number, alreadyApplied: number, rejected: number, results: Array<{ index: number, type: OfflineOperationType, outcome: OfflineOutcome, error: { code: string, reason: string | null, field: string | null } | null, purchase: { totalPoints: number, orderId: string } | null, voucher: { code: string, status: VoucherStatus } | null }> } };

export type CustomerTierQueryVariables = Exact<{
  id: string | number;
}>;


export type CustomerTierQuery = { customer: { tier: { since: string, expiresAt: string | null, limitedTime: boolean, current: { code: string }, qualifiedTier: { code: string }, progress: { metric: TierMetric, value: number, remaining: number, percent: number, nextTier: { code: string } } | null, downgradeRisk: { atPeriodEnd: string, remainingToKeep: number, projectedTier: { code: string } } | null } | null, tierHistory: Array<{ reason: string, note: string | null, actor: string, from: { code: string } | null, to: { code: string } | null }>, balance: { available: number, pending: number } } };

export type ProgramSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type ProgramSettingsQuery = { programSettings: { earnPoints: number, earnPerMinor: number, rounding: PointsRounding, pendingDays: number, pointValuePerThousand: number, maxRewardCostPerThousand: number | null, voucherValidityDays: number, currency: string, pointsExpiryPolicy: PointsExpiryPolicy, version: number } };

export type UpdateProgramSettingsMutationVariables = Exact<{
  input: UpdateProgramSettingsInput;
}>;


export type UpdateProgramSettingsMutation = { updateProgramSettings: { earnPoints: number, rounding: PointsRounding, maxRewardCostPerThousand: number | null, version: number } };

export type GrantTierStatusMutationVariables = Exact<{
  input: GrantTierStatusInput;
}>;


export type GrantTierStatusMutation = { grantTierStatus: { limitedTime: boolean, expiresAt: string | null, current: { code: string } } | null };

export type UpsertBenefitMutationVariables = Exact<{
  input: BenefitInput;
}>;


export type UpsertBenefitMutation = { upsertBenefit: { id: string } };

export type BenefitsQueryVariables = Exact<{
  id: string | number;
  channel: Channel;
}>;


export type BenefitsQuery = { benefits: Array<{ code: string, kind: BenefitKind, value: number, tierCode: string, text: string }> };

export type PublishProgramTermsMutationVariables = Exact<{
  input: PublishTermsInput;
}>;


export type PublishProgramTermsMutation = { publishProgramTerms: { replayed: boolean, terms: { id: string, kind: TermsKind, channel: Channel, locale: string, version: number, title: string, effectiveFrom: string, publishedBy: string } } };

export type ProgramTermsQueryVariables = Exact<{
  channel: Channel;
  locale: string;
  kind?: TermsKind | null | undefined;
}>;


export type ProgramTermsQuery = { programTerms: { version: number, locale: string, title: string } };

export type ProgramTermsHistoryQueryVariables = Exact<{
  channel: Channel;
  locale: string;
  kind?: TermsKind | null | undefined;
}>;


export type ProgramTermsHistoryQuery = { programTermsHistory: Array<{ version: number }> };

export type AcknowledgeScriptMutationVariables = Exact<{
  id: string | number;
}>;


export type AcknowledgeScriptMutation = { acknowledgeScript: { termsId: string, version: number, actor: string, createdAt: string } };

export type CreateTierMutationVariables = Exact<{
  input: TierInput;
}>;


export type CreateTierMutation = { createTier: { id: string } };

export type ProgramTermsPublishedSubscriptionVariables = Exact<{
  channel: Channel;
  locale: string;
  kind?: TermsKind | null | undefined;
}>;


export type ProgramTermsPublishedSubscription = { programTermsPublished: { version: number, title: string, locale: string, channel: Channel } };

export type CustomerUpdatedVersionSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type CustomerUpdatedVersionSubscription = { customerUpdated: { profileRevision: number, displayName: string | null } };

export type CustomerUpdatedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type CustomerUpdatedSubscription = { customerUpdated: { customerId: string, profileRevision: number, displayName: string | null } };

export type LoyaltyStateChangedSubscriptionVariables = Exact<{
  id: string | number;
  since?: number | null | undefined;
}>;


export type LoyaltyStateChangedSubscription = { loyaltyStateChanged: { customerId: string, version: number, source: StateSource, balance: { available: number, pending: number }, tier: { code: string, limitedTime: boolean } | null, benefits: Array<{ code: string }>, activeVouchers: Array<{ code: string }> } };

export type CreateRewardMutationVariables = Exact<{
  input: RewardInput;
}>;


export type CreateRewardMutation = { createReward: { id: string, code: string, status: RewardStatus } };

export type ActivateRewardMutationVariables = Exact<{
  id: string | number;
  overrideReason?: string | null | undefined;
}>;


export type ActivateRewardMutation = { activateReward: { id: string, status: RewardStatus } };

export type ConsumeVoucherMutationVariables = Exact<{
  input: ConsumeVoucherInput;
}>;


export type ConsumeVoucherMutation = { consumeVoucher: { code: string, status: VoucherStatus, consumedStoreId: string | null } };

export type CancelVoucherMutationVariables = Exact<{
  input: CancelVoucherInput;
}>;


export type CancelVoucherMutation = { cancelVoucher: { status: VoucherStatus, valid: boolean } };

export type ActivateRewardWithOverrideMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type ActivateRewardWithOverrideMutation = { activateReward: { status: RewardStatus, costPerThousandPoints: number, guardrailOverride: { actor: string, reason: string, costPerThousand: number, limitPerThousand: number } | null } };

export type RedeemRewardVoucherMutationVariables = Exact<{
  input: RedeemRewardInput;
}>;


export type RedeemRewardVoucherMutation = { redeemReward: { replayed: boolean, voucher: { code: string }, transaction: { id: string } } };

export type RedeemRewardDetailsMutationVariables = Exact<{
  input: RedeemRewardInput;
}>;


export type RedeemRewardDetailsMutation = { redeemReward: { replayed: boolean, voucher: { code: string, status: VoucherStatus, valid: boolean, expiresAt: string }, transaction: { points: number } } };

export type RewardCatalogueQueryVariables = Exact<{
  activeOnly?: boolean | null | undefined;
}>;


export type RewardCatalogueQuery = { rewards: Array<{ id: string, name: string, status: RewardStatus, pointsCost: number, retailValue: number, stockRemaining: number | null }> };

export type CreateTenantMutationVariables = Exact<{
  input: CreateTenantInput;
}>;


export type CreateTenantMutation = { createTenant: { customerJwtSecret: string, ingestSecret: string, tenant: { id: string, name: string, currency: string, timezone: string }, ownerKey: { secret: string, apiKey: { id: string, role: StaffRole } } } };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { secret: string, apiKey: { id: string, role: StaffRole, storeId: string | null, prefix: string } } };

export type CreateStoreMutationVariables = Exact<{
  input: CreateStoreInput;
}>;


export type CreateStoreMutation = { createStore: { id: string, code: string } };

export type CreateTenantOwnerSecretMutationVariables = Exact<{
  input: CreateTenantInput;
}>;


export type CreateTenantOwnerSecretMutation = { createTenant: { tenant: { id: string }, ownerKey: { secret: string } } };

export type ViewerRoleQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerRoleQuery = { viewer: { role: string } };

export type RotateCustomerTokenSecretMutationVariables = Exact<{
  input: RotateCustomerTokenSecretInput;
}>;


export type RotateCustomerTokenSecretMutation = { rotateCustomerTokenSecret: { secret: string, replayed: boolean } };

export type DropPreviousCustomerTokenSecretMutationVariables = Exact<{ [key: string]: never; }>;


export type DropPreviousCustomerTokenSecretMutation = { dropPreviousCustomerTokenSecret: boolean };

export type SetCustomerTokenProviderMutationVariables = Exact<{
  input: CustomerTokenProviderInput;
}>;


export type SetCustomerTokenProviderMutation = { setCustomerTokenProvider: { jwksUrl: string, issuer: string, audience: string, customerClaim: string, identifierKind: IdentifierKind | null } };

export type RecordInteractionMutationVariables = Exact<{
  input: RecordInteractionInput;
}>;


export type RecordInteractionMutation = { recordInteraction: { id: string, kind: TimelineKind, channel: Channel | null, actor: string, summary: string, data: Record<string, unknown> } };

export type ChannelSwitchesQueryVariables = Exact<{
  id: string | number;
  h: number;
}>;


export type ChannelSwitchesQuery = { channelSwitches: Array<{ minutesBetween: number, from: { channel: Channel, summary: string }, to: { channel: Channel, summary: string } }> };

export type CustomerTimelineQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: TimelineFilter | null | undefined;
}>;


export type CustomerTimelineQuery = { customer: { timeline: { edges: Array<{ cursor: string, node: { id: string, kind: TimelineKind, source: string, channel: Channel | null, actor: string, summary: string, data: Record<string, unknown>, refType: string | null, refId: string | null, occurredAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export const CaseFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SupportCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"escalationLevel"}},{"kind":"Field","name":{"kind":"Name","value":"rootCause"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<CaseFieldsFragment, unknown>;
export const GoodwillFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GoodwillFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GoodwillGrant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"tierId"}},{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"requestedRole"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}},{"kind":"Field","name":{"kind":"Name","value":"ledgerTransactionId"}},{"kind":"Field","name":{"kind":"Name","value":"tierChangeId"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]} as unknown as DocumentNode<GoodwillFieldsFragment, unknown>;
export const AttainmentFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Attainment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SlaAttainment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"due"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"missed"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"attainment"}}]}}]} as unknown as DocumentNode<AttainmentFragment, unknown>;
export const PointsResultFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PointsResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PointsResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"reversesId"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"balanceRevision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]} as unknown as DocumentNode<PointsResultFieldsFragment, unknown>;
export const PlaybookFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlaybookFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Playbook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"segments"}},{"kind":"Field","name":{"kind":"Name","value":"minTierRank"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"teamId"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"statusDays"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"templateCode"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"retiredAt"}}]}}]} as unknown as DocumentNode<PlaybookFieldsFragment, unknown>;
export const CreateBusinessAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateBusinessAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateBusinessAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createBusinessAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"poolPoints"}},{"kind":"Field","name":{"kind":"Name","value":"poolCustomerId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<CreateBusinessAccountMutation, CreateBusinessAccountMutationVariables>;
export const SetAccountMembershipDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetAccountMembership"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetAccountMembershipInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setAccountMembership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"businessAccountId"}}]}}]}}]} as unknown as DocumentNode<SetAccountMembershipMutation, SetAccountMembershipMutationVariables>;
export const BusinessAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BusinessAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"businessAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"poolPoints"}},{"kind":"Field","name":{"kind":"Name","value":"poolBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<BusinessAccountQuery, BusinessAccountQueryVariables>;
export const AccountMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}}]}},{"kind":"Field","name":{"kind":"Name","value":"businessAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"poolBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AccountMemberQuery, AccountMemberQueryVariables>;
export const RecordMemberPurchaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordMemberPurchase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPurchaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPurchase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<RecordMemberPurchaseMutation, RecordMemberPurchaseMutationVariables>;
export const CreateSupportTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSupportTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSupportTeamInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSupportTeam"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"escalationTeamId"}},{"kind":"Field","name":{"kind":"Name","value":"supervisor"}}]}}]}}]} as unknown as DocumentNode<CreateSupportTeamMutation, CreateSupportTeamMutationVariables>;
export const UpdateSupportTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSupportTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSupportTeamInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSupportTeam"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"escalationTeamId"}},{"kind":"Field","name":{"kind":"Name","value":"escalationTeam"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supervisor"}}]}}]}}]} as unknown as DocumentNode<UpdateSupportTeamMutation, UpdateSupportTeamMutationVariables>;
export const SetRoutingRulesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetRoutingRules"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rules"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RoutingRuleInput"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setRoutingRules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"rules"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rules"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"teamId"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"tierId"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}}]}}]}}]} as unknown as DocumentNode<SetRoutingRulesMutation, SetRoutingRulesMutationVariables>;
export const UpdateSupportSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSupportSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSupportSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSupportSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defaultTeamId"}},{"kind":"Field","name":{"kind":"Name","value":"escalationLeadMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"slas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tierPriorities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tierId"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"goodwillStatusLimits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"maxStatusDays"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateSupportSettingsMutation, UpdateSupportSettingsMutationVariables>;
export const SetRootCauseTaxonomyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetRootCauseTaxonomy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"causes"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RootCauseInput"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setRootCauseTaxonomy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"causes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"causes"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"parentCode"}},{"kind":"Field","name":{"kind":"Name","value":"retiredAt"}}]}}]}}]} as unknown as DocumentNode<SetRootCauseTaxonomyMutation, SetRootCauseTaxonomyMutationVariables>;
export const RootCausesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RootCauses"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeRetired"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rootCauses"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeRetired"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeRetired"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"parentCode"}},{"kind":"Field","name":{"kind":"Name","value":"retiredAt"}}]}}]}}]} as unknown as DocumentNode<RootCausesQuery, RootCausesQueryVariables>;
export const OpenCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpenCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OpenCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SupportCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"escalationLevel"}},{"kind":"Field","name":{"kind":"Name","value":"rootCause"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<OpenCaseMutation, OpenCaseMutationVariables>;
export const AcknowledgeCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcknowledgeCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acknowledgeCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SupportCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"escalationLevel"}},{"kind":"Field","name":{"kind":"Name","value":"rootCause"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<AcknowledgeCaseMutation, AcknowledgeCaseMutationVariables>;
export const StartCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SupportCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"escalationLevel"}},{"kind":"Field","name":{"kind":"Name","value":"rootCause"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<StartCaseMutation, StartCaseMutationVariables>;
export const ResolveCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResolveCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResolveCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SupportCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"escalationLevel"}},{"kind":"Field","name":{"kind":"Name","value":"rootCause"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<ResolveCaseMutation, ResolveCaseMutationVariables>;
export const ReopenCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReopenCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReopenCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reopenCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SupportCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"escalationLevel"}},{"kind":"Field","name":{"kind":"Name","value":"rootCause"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<ReopenCaseMutation, ReopenCaseMutationVariables>;
export const CloseCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloseCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SupportCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"escalationLevel"}},{"kind":"Field","name":{"kind":"Name","value":"rootCause"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<CloseCaseMutation, CloseCaseMutationVariables>;
export const AddCaseNoteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddCaseNote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddCaseNoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addCaseNote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SupportCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"escalationLevel"}},{"kind":"Field","name":{"kind":"Name","value":"rootCause"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<AddCaseNoteMutation, AddCaseNoteMutationVariables>;
export const SupportCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupportCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"refType"}},{"kind":"Field","name":{"kind":"Name","value":"refId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"goodwill"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GoodwillFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SupportCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"escalationLevel"}},{"kind":"Field","name":{"kind":"Name","value":"rootCause"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GoodwillFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GoodwillGrant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"tierId"}},{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"requestedRole"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}},{"kind":"Field","name":{"kind":"Name","value":"ledgerTransactionId"}},{"kind":"Field","name":{"kind":"Name","value":"tierChangeId"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]} as unknown as DocumentNode<SupportCaseQuery, SupportCaseQueryVariables>;
export const CasesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Cases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SupportCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"escalationLevel"}},{"kind":"Field","name":{"kind":"Name","value":"rootCause"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<CasesQuery, CasesQueryVariables>;
export const CustomerCasesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerCases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseStatus"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerCasesQuery, CustomerCasesQueryVariables>;
export const CaseAssignedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CaseAssigned"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseAssigned"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"sinceVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"teamId"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}}]}}]}}]} as unknown as DocumentNode<CaseAssignedSubscription, CaseAssignedSubscriptionVariables>;
export const CaseEscalatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CaseEscalated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseEscalated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"sinceVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"fromTeamId"}},{"kind":"Field","name":{"kind":"Name","value":"teamId"}},{"kind":"Field","name":{"kind":"Name","value":"escalationLevel"}},{"kind":"Field","name":{"kind":"Name","value":"deadlines"}},{"kind":"Field","name":{"kind":"Name","value":"breached"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}}]}}]} as unknown as DocumentNode<CaseEscalatedSubscription, CaseEscalatedSubscriptionVariables>;
export const GrantGoodwillDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GrantGoodwill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantGoodwillInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantGoodwill"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GoodwillFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GoodwillFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GoodwillGrant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"tierId"}},{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"requestedRole"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}},{"kind":"Field","name":{"kind":"Name","value":"ledgerTransactionId"}},{"kind":"Field","name":{"kind":"Name","value":"tierChangeId"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]} as unknown as DocumentNode<GrantGoodwillMutation, GrantGoodwillMutationVariables>;
export const ApproveGoodwillDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveGoodwill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveGoodwill"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"grantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GoodwillFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GoodwillFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GoodwillGrant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"tierId"}},{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"requestedRole"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}},{"kind":"Field","name":{"kind":"Name","value":"ledgerTransactionId"}},{"kind":"Field","name":{"kind":"Name","value":"tierChangeId"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]} as unknown as DocumentNode<ApproveGoodwillMutation, ApproveGoodwillMutationVariables>;
export const RejectGoodwillDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectGoodwill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectGoodwill"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"grantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GoodwillFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GoodwillFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GoodwillGrant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"tierId"}},{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"requestedRole"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}},{"kind":"Field","name":{"kind":"Name","value":"ledgerTransactionId"}},{"kind":"Field","name":{"kind":"Name","value":"tierChangeId"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]} as unknown as DocumentNode<RejectGoodwillMutation, RejectGoodwillMutationVariables>;
export const PendingGoodwillDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PendingGoodwill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pendingGoodwill"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"points"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<PendingGoodwillQuery, PendingGoodwillQueryVariables>;
export const RootCauseAuditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RootCauseAudit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sampleSize"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rootCauseAudit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sampleSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sampleSize"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sample"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rootCause"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviewed"}},{"kind":"Field","name":{"kind":"Name","value":"agreed"}},{"kind":"Field","name":{"kind":"Name","value":"agreementRate"}}]}}]}}]} as unknown as DocumentNode<RootCauseAuditQuery, RootCauseAuditQueryVariables>;
export const ConfirmRootCauseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmRootCause"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"correctRootCause"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmRootCause"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}},{"kind":"Argument","name":{"kind":"Name","value":"correctRootCause"},"value":{"kind":"Variable","name":{"kind":"Name","value":"correctRootCause"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"originalCause"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedCause"}},{"kind":"Field","name":{"kind":"Name","value":"agreed"}},{"kind":"Field","name":{"kind":"Name","value":"auditor"}}]}}]}}]} as unknown as DocumentNode<ConfirmRootCauseMutation, ConfirmRootCauseMutationVariables>;
export const CreateCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCustomerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"profileRevision"}}]}}]}}]} as unknown as DocumentNode<CreateCustomerMutation, CreateCustomerMutationVariables>;
export const CustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Customer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"profileRevision"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<CustomerQuery, CustomerQueryVariables>;
export const CustomersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Customers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<CustomersQuery, CustomersQueryVariables>;
export const IssueCustomerTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IssueCustomerToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ttlSeconds"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issueCustomerToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"ttlSeconds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ttlSeconds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]} as unknown as DocumentNode<IssueCustomerTokenMutation, IssueCustomerTokenMutationVariables>;
export const SearchCustomersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchCustomers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<SearchCustomersQuery, SearchCustomersQueryVariables>;
export const DuplicateCandidatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DuplicateCandidates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"min"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duplicateCandidates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"minScore"},"value":{"kind":"Variable","name":{"kind":"Name","value":"min"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"customers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}}]}}]}}]} as unknown as DocumentNode<DuplicateCandidatesQuery, DuplicateCandidatesQueryVariables>;
export const DataQualityReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DataQualityReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"months"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"examples"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataQualityReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inactiveMonths"},"value":{"kind":"Variable","name":{"kind":"Name","value":"months"}}},{"kind":"Argument","name":{"kind":"Name","value":"examples"},"value":{"kind":"Variable","name":{"kind":"Name","value":"examples"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"}},{"kind":"Field","name":{"kind":"Name","value":"inactiveMonths"}},{"kind":"Field","name":{"kind":"Name","value":"checks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issue"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"examples"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DataQualityReportQuery, DataQualityReportQueryVariables>;
export const ResolveCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResolveCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResolveCustomerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"identifiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"candidates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"matchedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"added"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<ResolveCustomerMutation, ResolveCustomerMutationVariables>;
export const AddCustomerIdentifierDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddCustomerIdentifier"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddIdentifierInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addCustomerIdentifier"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"identifiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<AddCustomerIdentifierMutation, AddCustomerIdentifierMutationVariables>;
export const MergeCustomersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MergeCustomers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MergeCustomersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mergeCustomers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"survivor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}}]}},{"kind":"Field","name":{"kind":"Name","value":"merge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"survivorId"}},{"kind":"Field","name":{"kind":"Name","value":"mergedId"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pointsMoved"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}}]}}]}}]}}]} as unknown as DocumentNode<MergeCustomersMutation, MergeCustomersMutationVariables>;
export const UnmergeCustomersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnmergeCustomers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UnmergeCustomersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unmergeCustomers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"restored"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"merge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"undoneBy"}},{"kind":"Field","name":{"kind":"Name","value":"unmergeReport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pointsReturned"}},{"kind":"Field","name":{"kind":"Name","value":"pointsNotReturned"}},{"kind":"Field","name":{"kind":"Name","value":"identifiersReturned"}},{"kind":"Field","name":{"kind":"Name","value":"identifiersNotReturned"}},{"kind":"Field","name":{"kind":"Name","value":"tierRestored"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UnmergeCustomersMutation, UnmergeCustomersMutationVariables>;
export const MergedCustomerViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MergedCustomerView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}}]}},{"kind":"Field","name":{"kind":"Name","value":"identifiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MergedCustomerViewQuery, MergedCustomerViewQueryVariables>;
export const ResolveCustomerOutcomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResolveCustomerOutcome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResolveCustomerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}}]}},{"kind":"Field","name":{"kind":"Name","value":"candidates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ResolveCustomerOutcomeMutation, ResolveCustomerOutcomeMutationVariables>;
export const UpdateCustomerVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateCustomerVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateCustomerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"profileRevision"}}]}}]}}]} as unknown as DocumentNode<UpdateCustomerVersionMutation, UpdateCustomerVersionMutationVariables>;
export const CustomerEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<CustomerEmailQuery, CustomerEmailQueryVariables>;
export const RequestContactChangeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestContactChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestContactChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestContactChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}}]} as unknown as DocumentNode<RequestContactChangeMutation, RequestContactChangeMutationVariables>;
export const ConfirmContactChangeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmContactChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmContactChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmContactChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"profileRevision"}}]}}]}}]} as unknown as DocumentNode<ConfirmContactChangeMutation, ConfirmContactChangeMutationVariables>;
export const RecordPurchaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordPurchase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPurchaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPurchase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purchaseId"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"basePoints"}},{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"pendingUntil"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tierChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecordPurchaseMutation, RecordPurchaseMutationVariables>;
export const RecordPurchaseTierChangeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordPurchaseTierChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPurchaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPurchase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"tierChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecordPurchaseTierChangeMutation, RecordPurchaseTierChangeMutationVariables>;
export const RecordPurchaseBreakdownDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordPurchaseBreakdown"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPurchaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPurchase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purchaseId"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"basePoints"}},{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"pendingUntil"}},{"kind":"Field","name":{"kind":"Name","value":"contributions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"requestedPoints"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"points"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"points"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tierChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecordPurchaseBreakdownMutation, RecordPurchaseBreakdownMutationVariables>;
export const PreviewPurchaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PreviewPurchase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PreviewPurchaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previewPurchase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"basePoints"}},{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"pendingUntil"}},{"kind":"Field","name":{"kind":"Name","value":"contributions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"requestedPoints"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"points"}}]}}]}}]}}]} as unknown as DocumentNode<PreviewPurchaseQuery, PreviewPurchaseQueryVariables>;
export const RefundPurchaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefundPurchase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RefundPurchaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refundPurchase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refundId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"pointsClawedBack"}},{"kind":"Field","name":{"kind":"Name","value":"pointsUncollected"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}}]}}]}}]}}]} as unknown as DocumentNode<RefundPurchaseMutation, RefundPurchaseMutationVariables>;
export const CreateEarningRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateEarningRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EarningRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createEarningRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<CreateEarningRuleMutation, CreateEarningRuleMutationVariables>;
export const SetConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"granted"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}}]} as unknown as DocumentNode<SetConsentMutation, SetConsentMutationVariables>;
export const CustomerConsentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerConsents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"granted"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}}]}}]}}]}}]} as unknown as DocumentNode<CustomerConsentsQuery, CustomerConsentsQueryVariables>;
export const CreateSurveyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSurvey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSurveyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSurvey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"question"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<CreateSurveyMutation, CreateSurveyMutationVariables>;
export const UpdateSurveyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSurvey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSurveyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSurvey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdateSurveyMutation, UpdateSurveyMutationVariables>;
export const SurveysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Surveys"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activeOnly"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surveys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activeOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activeOnly"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<SurveysQuery, SurveysQueryVariables>;
export const FeedbackSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FeedbackSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"feedbackSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minDaysBetweenSurveys"}},{"kind":"Field","name":{"kind":"Name","value":"busyInteractions"}},{"kind":"Field","name":{"kind":"Name","value":"busyWindowDays"}},{"kind":"Field","name":{"kind":"Name","value":"busyAction"}},{"kind":"Field","name":{"kind":"Name","value":"busyGapMultiplier"}},{"kind":"Field","name":{"kind":"Name","value":"npsDetractorMax"}},{"kind":"Field","name":{"kind":"Name","value":"cesDetractorMax"}},{"kind":"Field","name":{"kind":"Name","value":"csatDetractorMax"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<FeedbackSettingsQuery, FeedbackSettingsQueryVariables>;
export const SetFeedbackSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetFeedbackSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetFeedbackSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setFeedbackSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minDaysBetweenSurveys"}},{"kind":"Field","name":{"kind":"Name","value":"busyInteractions"}},{"kind":"Field","name":{"kind":"Name","value":"busyWindowDays"}},{"kind":"Field","name":{"kind":"Name","value":"busyAction"}},{"kind":"Field","name":{"kind":"Name","value":"busyGapMultiplier"}},{"kind":"Field","name":{"kind":"Name","value":"npsDetractorMax"}},{"kind":"Field","name":{"kind":"Name","value":"cesDetractorMax"}},{"kind":"Field","name":{"kind":"Name","value":"csatDetractorMax"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<SetFeedbackSettingsMutation, SetFeedbackSettingsMutationVariables>;
export const SurveyEligibilityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SurveyEligibility"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"surveyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surveyEligibility"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"surveyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"surveyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"nextEligibleAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSurveyedAt"}}]}}]}}]} as unknown as DocumentNode<SurveyEligibilityQuery, SurveyEligibilityQueryVariables>;
export const SubmitSurveyResponseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitSurveyResponse"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitSurveyResponseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitSurveyResponse"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"response"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"surveyId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}},{"kind":"Field","name":{"kind":"Name","value":"context"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"detractor"}},{"kind":"Field","name":{"kind":"Name","value":"respondedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}}]} as unknown as DocumentNode<SubmitSurveyResponseMutation, SubmitSurveyResponseMutationVariables>;
export const CustomerSurveyResponsesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerSurveyResponses"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"surveyResponses"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"detractor"}},{"kind":"Field","name":{"kind":"Name","value":"survey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerSurveyResponsesQuery, CustomerSurveyResponsesQueryVariables>;
export const CustomerHealthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerHealth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"band"}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"contribution"}}]}},{"kind":"Field","name":{"kind":"Name","value":"computedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"churnRisk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"segment"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}},{"kind":"Field","name":{"kind":"Name","value":"computedAt"}}]}}]}}]}}]} as unknown as DocumentNode<CustomerHealthQuery, CustomerHealthQueryVariables>;
export const HealthSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HealthSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"healthSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recency"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"monetary"}},{"kind":"Field","name":{"kind":"Name","value":"engagement"}},{"kind":"Field","name":{"kind":"Name","value":"support"}},{"kind":"Field","name":{"kind":"Name","value":"sentiment"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recencyDays"}},{"kind":"Field","name":{"kind":"Name","value":"visitsPerYear"}},{"kind":"Field","name":{"kind":"Name","value":"spendPerYear"}},{"kind":"Field","name":{"kind":"Name","value":"redemptionsPerYear"}},{"kind":"Field","name":{"kind":"Name","value":"healthyFrom"}},{"kind":"Field","name":{"kind":"Name","value":"atRiskBelow"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"setBy"}},{"kind":"Field","name":{"kind":"Name","value":"churnThresholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"segment"}},{"kind":"Field","name":{"kind":"Name","value":"expectedGapDays"}},{"kind":"Field","name":{"kind":"Name","value":"mediumFrom"}},{"kind":"Field","name":{"kind":"Name","value":"highFrom"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}}]}}]}}]} as unknown as DocumentNode<HealthSettingsQuery, HealthSettingsQueryVariables>;
export const SetHealthWeightsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetHealthWeights"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetHealthWeightsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setHealthWeights"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recency"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"monetary"}},{"kind":"Field","name":{"kind":"Name","value":"engagement"}},{"kind":"Field","name":{"kind":"Name","value":"support"}},{"kind":"Field","name":{"kind":"Name","value":"sentiment"}}]}},{"kind":"Field","name":{"kind":"Name","value":"healthyFrom"}},{"kind":"Field","name":{"kind":"Name","value":"atRiskBelow"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}}]} as unknown as DocumentNode<SetHealthWeightsMutation, SetHealthWeightsMutationVariables>;
export const SetChurnThresholdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetChurnThresholds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetChurnThresholdsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setChurnThresholds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"threshold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"segment"}},{"kind":"Field","name":{"kind":"Name","value":"expectedGapDays"}},{"kind":"Field","name":{"kind":"Name","value":"mediumFrom"}},{"kind":"Field","name":{"kind":"Name","value":"highFrom"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}}]} as unknown as DocumentNode<SetChurnThresholdsMutation, SetChurnThresholdsMutationVariables>;
export const AtRiskCustomersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AtRiskCustomers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"segment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"minLevel"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ChurnRiskLevel"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"atRiskCustomers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"segment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"segment"}}},{"kind":"Argument","name":{"kind":"Name","value":"minLevel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"minLevel"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"churnRisk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AtRiskCustomersQuery, AtRiskCustomersQueryVariables>;
export const ChurnRiskRaisedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ChurnRiskRaised"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sinceVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"churnRiskRaised"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sinceVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sinceVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}},{"kind":"Field","name":{"kind":"Name","value":"computedAt"}}]}}]}}]} as unknown as DocumentNode<ChurnRiskRaisedSubscription, ChurnRiskRaisedSubscriptionVariables>;
export const FeedbackMetricsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FeedbackMetrics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MetricPeriodInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityGrouping"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"feedbackMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"responses"}},{"kind":"Field","name":{"kind":"Name","value":"nps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"responses"}},{"kind":"Field","name":{"kind":"Name","value":"promoters"}},{"kind":"Field","name":{"kind":"Name","value":"passives"}},{"kind":"Field","name":{"kind":"Name","value":"detractors"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"responses"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}}]}},{"kind":"Field","name":{"kind":"Name","value":"csat"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"responses"}},{"kind":"Field","name":{"kind":"Name","value":"satisfied"}},{"kind":"Field","name":{"kind":"Name","value":"percentSatisfied"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}}]}}]}}]}}]} as unknown as DocumentNode<FeedbackMetricsQuery, FeedbackMetricsQueryVariables>;
export const ChurnMetricsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChurnMetrics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MetricPeriodInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MemberGrouping"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"churnMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"activeMembers"}},{"kind":"Field","name":{"kind":"Name","value":"previouslyActive"}},{"kind":"Field","name":{"kind":"Name","value":"retained"}},{"kind":"Field","name":{"kind":"Name","value":"churned"}},{"kind":"Field","name":{"kind":"Name","value":"churnRate"}},{"kind":"Field","name":{"kind":"Name","value":"retentionRate"}}]}}]}}]} as unknown as DocumentNode<ChurnMetricsQuery, ChurnMetricsQueryVariables>;
export const CohortRetentionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CohortRetention"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MetricPeriodInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MemberGrouping"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cohortRetention"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cohort"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodsSinceEnrolment"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"cohortSize"}},{"kind":"Field","name":{"kind":"Name","value":"retained"}},{"kind":"Field","name":{"kind":"Name","value":"retentionRate"}}]}}]}}]} as unknown as DocumentNode<CohortRetentionQuery, CohortRetentionQueryVariables>;
export const PointsMetricsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PointsMetrics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MetricPeriodInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityGrouping"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pointsMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"earned"}},{"kind":"Field","name":{"kind":"Name","value":"redeemed"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"adjusted"}},{"kind":"Field","name":{"kind":"Name","value":"redemptionRate"}},{"kind":"Field","name":{"kind":"Name","value":"cumulativeEarned"}},{"kind":"Field","name":{"kind":"Name","value":"cumulativeRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"cumulativeRedemptionRate"}},{"kind":"Field","name":{"kind":"Name","value":"activeMembers"}}]}}]}}]} as unknown as DocumentNode<PointsMetricsQuery, PointsMetricsQueryVariables>;
export const CaseSlaMetricsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CaseSlaMetrics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MetricPeriodInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseGrouping"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseSlaMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Attainment"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resolution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Attainment"}}]}},{"kind":"Field","name":{"kind":"Name","value":"overall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Attainment"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Attainment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SlaAttainment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"due"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"missed"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"attainment"}}]}}]} as unknown as DocumentNode<CaseSlaMetricsQuery, CaseSlaMetricsQueryVariables>;
export const TierDistributionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TierDistribution"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MemberGrouping"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tierDistribution"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"tierCode"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"members"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}}]}}]} as unknown as DocumentNode<TierDistributionQuery, TierDistributionQueryVariables>;
export const TierMovementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TierMovement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MetricPeriodInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MemberGrouping"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tierMovement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"fromTierCode"}},{"kind":"Field","name":{"kind":"Name","value":"toTierCode"}},{"kind":"Field","name":{"kind":"Name","value":"changes"}}]}}]}}]} as unknown as DocumentNode<TierMovementQuery, TierMovementQueryVariables>;
export const EarnPointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EarnPoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EarnPointsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"earnPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PointsResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PointsResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PointsResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"reversesId"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"balanceRevision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]} as unknown as DocumentNode<EarnPointsMutation, EarnPointsMutationVariables>;
export const RedeemPointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RedeemPoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RedeemPointsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redeemPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PointsResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PointsResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PointsResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"reversesId"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"balanceRevision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]} as unknown as DocumentNode<RedeemPointsMutation, RedeemPointsMutationVariables>;
export const TransferPointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransferPoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransferPointsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PointsResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PointsResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PointsResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"reversesId"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"balanceRevision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]} as unknown as DocumentNode<TransferPointsMutation, TransferPointsMutationVariables>;
export const ReverseTransactionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReverseTransaction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReverseTransactionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reverseTransaction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PointsResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PointsResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PointsResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"reversesId"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"balanceRevision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]} as unknown as DocumentNode<ReverseTransactionMutation, ReverseTransactionMutationVariables>;
export const AdjustPointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdjustPoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdjustPointsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adjustPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PointsResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PointsResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PointsResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"reversesId"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"balanceRevision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]} as unknown as DocumentNode<AdjustPointsMutation, AdjustPointsMutationVariables>;
export const CustomerBalanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerBalance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"days"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"30"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"lifetimeEarned"}},{"kind":"Field","name":{"kind":"Name","value":"lifetimeRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"balanceRevision"}},{"kind":"Field","name":{"kind":"Name","value":"expiringPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"withinDays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"days"}}}]}]}}]}}]}}]} as unknown as DocumentNode<CustomerBalanceQuery, CustomerBalanceQueryVariables>;
export const ReverseTransactionIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReverseTransactionId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReverseTransactionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reverseTransaction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ReverseTransactionIdMutation, ReverseTransactionIdMutationVariables>;
export const PointsTransactionsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PointsTransactionsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pointsTransactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"2"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PointsTransactionsPageQuery, PointsTransactionsPageQueryVariables>;
export const TransferHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TransferHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pointsTransactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"counterpartyId"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TransferHistoryQuery, TransferHistoryQueryVariables>;
export const LedgerIntegrityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LedgerIntegrity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ledgerIntegrity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"transactionsChecked"}},{"kind":"Field","name":{"kind":"Name","value":"balancesChecked"}},{"kind":"Field","name":{"kind":"Name","value":"discrepancies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"check"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<LedgerIntegrityQuery, LedgerIntegrityQueryVariables>;
export const CreatePlaybookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePlaybook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlaybookInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPlaybook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlaybookFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlaybookFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Playbook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"segments"}},{"kind":"Field","name":{"kind":"Name","value":"minTierRank"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"teamId"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"statusDays"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"templateCode"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"retiredAt"}}]}}]} as unknown as DocumentNode<CreatePlaybookMutation, CreatePlaybookMutationVariables>;
export const UpdatePlaybookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePlaybook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlaybookInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePlaybook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlaybookFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlaybookFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Playbook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"segments"}},{"kind":"Field","name":{"kind":"Name","value":"minTierRank"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"teamId"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"statusDays"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"templateCode"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"retiredAt"}}]}}]} as unknown as DocumentNode<UpdatePlaybookMutation, UpdatePlaybookMutationVariables>;
export const RetirePlaybookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetirePlaybook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retirePlaybook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlaybookFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlaybookFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Playbook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"segments"}},{"kind":"Field","name":{"kind":"Name","value":"minTierRank"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"teamId"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"statusDays"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"templateCode"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"retiredAt"}}]}}]} as unknown as DocumentNode<RetirePlaybookMutation, RetirePlaybookMutationVariables>;
export const PlaybooksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Playbooks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeRetired"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"playbooks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeRetired"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeRetired"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlaybookFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlaybookFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Playbook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"segments"}},{"kind":"Field","name":{"kind":"Name","value":"minTierRank"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"teamId"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"statusDays"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"templateCode"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"retiredAt"}}]}}]} as unknown as DocumentNode<PlaybooksQuery, PlaybooksQueryVariables>;
export const PlaybookFiringsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlaybookFirings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PlaybookFiringFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"playbookFirings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"playbookId"}},{"kind":"Field","name":{"kind":"Name","value":"playbookCode"}},{"kind":"Field","name":{"kind":"Name","value":"playbookVersion"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"firedAt"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"refType"}},{"kind":"Field","name":{"kind":"Name","value":"refId"}},{"kind":"Field","name":{"kind":"Name","value":"delivery"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<PlaybookFiringsQuery, PlaybookFiringsQueryVariables>;
export const TeamAlertDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TeamAlert"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sinceVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teamAlert"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"sinceVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sinceVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"teamId"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"playbookId"}},{"kind":"Field","name":{"kind":"Name","value":"playbookName"}},{"kind":"Field","name":{"kind":"Name","value":"firingId"}},{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"alertedAt"}}]}}]}}]} as unknown as DocumentNode<TeamAlertSubscription, TeamAlertSubscriptionVariables>;
export const SyncOfflineOperationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SyncOfflineOperations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"store"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ops"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OfflineOperationInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncOfflineOperations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"storeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"store"}}},{"kind":"Argument","name":{"kind":"Name","value":"operations"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ops"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"alreadyApplied"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purchase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"voucher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SyncOfflineOperationsMutation, SyncOfflineOperationsMutationVariables>;
export const CustomerTierDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerTier"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"qualifiedTier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"limitedTime"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"nextTier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"downgradeRisk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"atPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"projectedTier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"remainingToKeep"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tierHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}}]}}]}}]}}]} as unknown as DocumentNode<CustomerTierQuery, CustomerTierQueryVariables>;
export const ProgramSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProgramSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"programSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"earnPoints"}},{"kind":"Field","name":{"kind":"Name","value":"earnPerMinor"}},{"kind":"Field","name":{"kind":"Name","value":"rounding"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDays"}},{"kind":"Field","name":{"kind":"Name","value":"pointValuePerThousand"}},{"kind":"Field","name":{"kind":"Name","value":"maxRewardCostPerThousand"}},{"kind":"Field","name":{"kind":"Name","value":"voucherValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"pointsExpiryPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ProgramSettingsQuery, ProgramSettingsQueryVariables>;
export const UpdateProgramSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProgramSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateProgramSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProgramSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"earnPoints"}},{"kind":"Field","name":{"kind":"Name","value":"rounding"}},{"kind":"Field","name":{"kind":"Name","value":"maxRewardCostPerThousand"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdateProgramSettingsMutation, UpdateProgramSettingsMutationVariables>;
export const GrantTierStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GrantTierStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantTierStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantTierStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"limitedTime"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<GrantTierStatusMutation, GrantTierStatusMutationVariables>;
export const UpsertBenefitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertBenefit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertBenefit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<UpsertBenefitMutation, UpsertBenefitMutationVariables>;
export const BenefitsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Benefits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Channel"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"benefits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"tierCode"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]} as unknown as DocumentNode<BenefitsQuery, BenefitsQueryVariables>;
export const PublishProgramTermsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishProgramTerms"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishTermsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishProgramTerms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"terms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"publishedBy"}}]}}]}}]}}]} as unknown as DocumentNode<PublishProgramTermsMutation, PublishProgramTermsMutationVariables>;
export const ProgramTermsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProgramTerms"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Channel"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TermsKind"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"programTerms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}},{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]} as unknown as DocumentNode<ProgramTermsQuery, ProgramTermsQueryVariables>;
export const ProgramTermsHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProgramTermsHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Channel"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TermsKind"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"programTermsHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}},{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ProgramTermsHistoryQuery, ProgramTermsHistoryQueryVariables>;
export const AcknowledgeScriptDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcknowledgeScript"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acknowledgeScript"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"termsId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"termsId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<AcknowledgeScriptMutation, AcknowledgeScriptMutationVariables>;
export const CreateTierDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTier"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TierInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTier"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateTierMutation, CreateTierMutationVariables>;
export const ProgramTermsPublishedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ProgramTermsPublished"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Channel"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TermsKind"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"programTermsPublished"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}},{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}}]}}]}}]} as unknown as DocumentNode<ProgramTermsPublishedSubscription, ProgramTermsPublishedSubscriptionVariables>;
export const CustomerUpdatedVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CustomerUpdatedVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"profileRevision"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<CustomerUpdatedVersionSubscription, CustomerUpdatedVersionSubscriptionVariables>;
export const CustomerUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CustomerUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"profileRevision"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<CustomerUpdatedSubscription, CustomerUpdatedSubscriptionVariables>;
export const LoyaltyStateChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LoyaltyStateChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyStateChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"sinceVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"limitedTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeVouchers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<LoyaltyStateChangedSubscription, LoyaltyStateChangedSubscriptionVariables>;
export const CreateRewardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateReward"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RewardInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createReward"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CreateRewardMutation, CreateRewardMutationVariables>;
export const ActivateRewardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ActivateReward"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"overrideReason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activateReward"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"overrideReason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"overrideReason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ActivateRewardMutation, ActivateRewardMutationVariables>;
export const ConsumeVoucherDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsumeVoucher"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConsumeVoucherInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consumeVoucher"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"consumedStoreId"}}]}}]}}]} as unknown as DocumentNode<ConsumeVoucherMutation, ConsumeVoucherMutationVariables>;
export const CancelVoucherDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelVoucher"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelVoucherInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelVoucher"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"valid"}}]}}]}}]} as unknown as DocumentNode<CancelVoucherMutation, CancelVoucherMutationVariables>;
export const ActivateRewardWithOverrideDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ActivateRewardWithOverride"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activateReward"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"overrideReason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"costPerThousandPoints"}},{"kind":"Field","name":{"kind":"Name","value":"guardrailOverride"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"costPerThousand"}},{"kind":"Field","name":{"kind":"Name","value":"limitPerThousand"}}]}}]}}]}}]} as unknown as DocumentNode<ActivateRewardWithOverrideMutation, ActivateRewardWithOverrideMutationVariables>;
export const RedeemRewardVoucherDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RedeemRewardVoucher"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RedeemRewardInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redeemReward"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"voucher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<RedeemRewardVoucherMutation, RedeemRewardVoucherMutationVariables>;
export const RedeemRewardDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RedeemRewardDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RedeemRewardInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redeemReward"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"voucher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"points"}}]}}]}}]}}]} as unknown as DocumentNode<RedeemRewardDetailsMutation, RedeemRewardDetailsMutationVariables>;
export const RewardCatalogueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RewardCatalogue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activeOnly"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rewards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activeOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activeOnly"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pointsCost"}},{"kind":"Field","name":{"kind":"Name","value":"retailValue"}},{"kind":"Field","name":{"kind":"Name","value":"stockRemaining"}}]}}]}}]} as unknown as DocumentNode<RewardCatalogueQuery, RewardCatalogueQueryVariables>;
export const CreateTenantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTenant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTenantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ownerKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"customerJwtSecret"}},{"kind":"Field","name":{"kind":"Name","value":"ingestSecret"}}]}}]}}]} as unknown as DocumentNode<CreateTenantMutation, CreateTenantMutationVariables>;
export const CreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}}]}}]}}]}}]} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const CreateStoreDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateStore"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateStoreInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createStore"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<CreateStoreMutation, CreateStoreMutationVariables>;
export const CreateTenantOwnerSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTenantOwnerSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTenantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ownerKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}}]}}]}}]} as unknown as DocumentNode<CreateTenantOwnerSecretMutation, CreateTenantOwnerSecretMutationVariables>;
export const ViewerRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerRole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<ViewerRoleQuery, ViewerRoleQueryVariables>;
export const RotateCustomerTokenSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateCustomerTokenSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RotateCustomerTokenSecretInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateCustomerTokenSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}}]} as unknown as DocumentNode<RotateCustomerTokenSecretMutation, RotateCustomerTokenSecretMutationVariables>;
export const DropPreviousCustomerTokenSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DropPreviousCustomerTokenSecret"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dropPreviousCustomerTokenSecret"}}]}}]} as unknown as DocumentNode<DropPreviousCustomerTokenSecretMutation, DropPreviousCustomerTokenSecretMutationVariables>;
export const SetCustomerTokenProviderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetCustomerTokenProvider"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerTokenProviderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setCustomerTokenProvider"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jwksUrl"}},{"kind":"Field","name":{"kind":"Name","value":"issuer"}},{"kind":"Field","name":{"kind":"Name","value":"audience"}},{"kind":"Field","name":{"kind":"Name","value":"customerClaim"}},{"kind":"Field","name":{"kind":"Name","value":"identifierKind"}}]}}]}}]} as unknown as DocumentNode<SetCustomerTokenProviderMutation, SetCustomerTokenProviderMutationVariables>;
export const RecordInteractionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordInteraction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordInteractionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordInteraction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]}}]} as unknown as DocumentNode<RecordInteractionMutation, RecordInteractionMutationVariables>;
export const ChannelSwitchesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChannelSwitches"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"h"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channelSwitches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"withinHours"},"value":{"kind":"Variable","name":{"kind":"Name","value":"h"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"minutesBetween"}}]}}]}}]} as unknown as DocumentNode<ChannelSwitchesQuery, ChannelSwitchesQueryVariables>;
export const CustomerTimelineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerTimeline"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TimelineFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"refType"}},{"kind":"Field","name":{"kind":"Name","value":"refId"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerTimelineQuery, CustomerTimelineQueryVariables>;