import { registerEnumType } from 'type-graphql';

/** Roles an API key can hold. */
export enum StaffRole {
  OWNER = 'OWNER',
  ADMIN = 'ADMIN',
  ANALYST = 'ANALYST',
  SUPERVISOR = 'SUPERVISOR',
  AGENT = 'AGENT',
  /** A point-of-sale terminal, bound to one store. */
  POS = 'POS',
  /** A back-end integration (CRM, e-commerce, the business's own sign-in service). */
  SERVICE = 'SERVICE',
  /** An internal or external auditor: reads the ledger, the financial reports and the audit trail; changes nothing. */
  AUDITOR = 'AUDITOR',
}

/**
 * The roles that run the program, for the operations all of them may call. Listed, not derived from the enum:
 * a new role (AUDITOR) gets only what the rows below name it in.
 */
const STAFF: readonly StaffRole[] = [
  StaffRole.OWNER,
  StaffRole.ADMIN,
  StaffRole.ANALYST,
  StaffRole.SUPERVISOR,
  StaffRole.AGENT,
  StaffRole.POS,
  StaffRole.SERVICE,
];

registerEnumType(StaffRole, {
  name: 'StaffRole',
  description: 'Roles an API key can hold; each query and mutation says which may call it.',
  valuesConfig: {
    OWNER: { description: 'Everything, including secrets and margin guardrail overrides.' },
    ADMIN: { description: 'Configures the program, stores and keys.' },
    ANALYST: { description: 'Reads customers, program and reports; changes nothing.' },
    SUPERVISOR: { description: 'Customer service lead: adjustments, status grants, merges.' },
    AGENT: { description: 'Contact-center agent: serves customers.' },
    POS: { description: 'A point-of-sale terminal, bound to one store.' },
    SERVICE: { description: "A back-end integration (CRM, e-commerce, the business's own sign-in service)." },
    AUDITOR: {
      description:
        'Reads the tenant, the ledger and its verification, the financial reports and the audit trail; no customer search, no writes. Only an OWNER creates AUDITOR keys.',
    },
  },
});

/** Every role a caller can act with: the staff roles, a signed-in customer, and the platform operator. */
export type CallerRole = StaffRole | 'CUSTOMER' | 'PLATFORM';

/**
 * What only the customer can give (consent, a tax identity): given by themself, or recorded by staff and
 * integrations where they gave it.
 */
const CUSTOMER_GIVEN: readonly CallerRole[] = [
  StaffRole.OWNER,
  StaffRole.ADMIN,
  StaffRole.SUPERVISOR,
  StaffRole.AGENT,
  StaffRole.POS,
  StaffRole.SERVICE,
  'CUSTOMER',
];

/** Who may act on what, in one place, so resolvers name intent rather than role lists. */
export const Access: Record<
  | 'platform'
  | 'manageKeys'
  | 'manageStores'
  | 'readTenant'
  | 'readStores'
  | 'writeCustomers'
  | 'searchCustomers'
  | 'readCustomer'
  | 'updateCustomer'
  | 'issueCustomerTokens'
  | 'anyCaller'
  | 'earnPoints'
  | 'redeemPoints'
  | 'adjustPoints'
  | 'reversePoints'
  | 'transferPoints'
  | 'managePolicy'
  | 'manageRoleLimits'
  | 'verifyLedger'
  | 'manageProgram'
  | 'readProgram'
  | 'grantStatus'
  | 'recordPurchase'
  | 'refundPurchase'
  | 'redeemReward'
  | 'readVoucher'
  | 'consumeVoucher'
  | 'cancelVoucher'
  | 'overrideGuardrail'
  | 'rotateSecrets'
  | 'mergeCustomers'
  | 'readMerges'
  | 'customerHygiene'
  | 'manageAccounts'
  | 'readAccounts'
  | 'acknowledgeScripts'
  | 'readRateLimits'
  | 'manageRateLimits'
  | 'changeOwnContact'
  | 'readScripts'
  | 'readTermsHistory'
  | 'readProgramInternals'
  | 'manageFeedback'
  | 'readFeedback'
  | 'readSurveys'
  | 'submitSurveyResponse'
  | 'changeConsent'
  | 'manageSupport'
  | 'workCases'
  | 'approveGoodwill'
  | 'auditRootCauses'
  | 'manageHealth'
  | 'readHealth'
  | 'managePlaybooks'
  | 'readMetrics'
  | 'readAuditLog'
  | 'readFinancials'
  | 'readTaxReport'
  | 'manageFinance'
  | 'managePartners'
  | 'manageTax'
  | 'eraseCustomer'
  | 'bookWithPartner'
  | 'exportCustomerData'
  | 'setTaxIdentity',
  CallerRole[]
> = {
  platform: ['PLATFORM'],
  manageKeys: [StaffRole.OWNER, StaffRole.ADMIN],
  manageStores: [StaffRole.OWNER, StaffRole.ADMIN],
  readTenant: [...STAFF, StaffRole.AUDITOR],
  readStores: [...STAFF, StaffRole.AUDITOR],
  writeCustomers: [
    StaffRole.OWNER,
    StaffRole.ADMIN,
    StaffRole.SUPERVISOR,
    StaffRole.AGENT,
    StaffRole.POS,
    StaffRole.SERVICE,
  ],
  searchCustomers: [...STAFF],
  /** Reading one customer also admits the customer themself; the service checks it is their own record. */
  readCustomer: [...STAFF, 'CUSTOMER'],
  updateCustomer: [
    StaffRole.OWNER,
    StaffRole.ADMIN,
    StaffRole.SUPERVISOR,
    StaffRole.AGENT,
    StaffRole.POS,
    StaffRole.SERVICE,
    'CUSTOMER',
  ],
  issueCustomerTokens: [StaffRole.OWNER, StaffRole.ADMIN, StaffRole.SERVICE],
  earnPoints: [
    StaffRole.OWNER,
    StaffRole.ADMIN,
    StaffRole.SUPERVISOR,
    StaffRole.AGENT,
    StaffRole.POS,
    StaffRole.SERVICE,
  ],
  /** A customer redeems their own points from the web site or app. */
  redeemPoints: [
    StaffRole.OWNER,
    StaffRole.ADMIN,
    StaffRole.SUPERVISOR,
    StaffRole.AGENT,
    StaffRole.POS,
    StaffRole.SERVICE,
    'CUSTOMER',
  ],
  adjustPoints: [StaffRole.OWNER, StaffRole.ADMIN, StaffRole.SUPERVISOR],
  /** Refunds happen at the till and in e-commerce back ends; an agent asks a supervisor. */
  reversePoints: [StaffRole.OWNER, StaffRole.ADMIN, StaffRole.SUPERVISOR, StaffRole.POS, StaffRole.SERVICE],
  transferPoints: [
    StaffRole.OWNER,
    StaffRole.ADMIN,
    StaffRole.SUPERVISOR,
    StaffRole.AGENT,
    StaffRole.SERVICE,
    'CUSTOMER',
  ],
  managePolicy: [StaffRole.OWNER, StaffRole.ADMIN],
  /** How many points each role may grant: the back office decides, not the roles limited. */
  manageRoleLimits: [StaffRole.OWNER, StaffRole.ADMIN],
  verifyLedger: [StaffRole.OWNER, StaffRole.ADMIN, StaffRole.AUDITOR],
  manageProgram: [StaffRole.OWNER, StaffRole.ADMIN],
  /** Tiers, benefits, rules and rewards are what every channel shows, customers included. */
  readProgram: [...STAFF, 'CUSTOMER'],
  /** Status matches and service recovery: a supervisor's call, not an agent's. */
  grantStatus: [StaffRole.OWNER, StaffRole.ADMIN, StaffRole.SUPERVISOR],
  recordPurchase: [StaffRole.OWNER, StaffRole.ADMIN, StaffRole.SUPERVISOR, StaffRole.POS, StaffRole.SERVICE],
  refundPurchase: [StaffRole.OWNER, StaffRole.ADMIN, StaffRole.SUPERVISOR, StaffRole.POS, StaffRole.SERVICE],
  redeemReward: [
    StaffRole.OWNER,
    StaffRole.ADMIN,
    StaffRole.SUPERVISOR,
    StaffRole.AGENT,
    StaffRole.POS,
    StaffRole.SERVICE,
    'CUSTOMER',
  ],
  readVoucher: [
    StaffRole.OWNER,
    StaffRole.ADMIN,
    StaffRole.SUPERVISOR,
    StaffRole.AGENT,
    StaffRole.POS,
    StaffRole.SERVICE,
  ],
  consumeVoucher: [StaffRole.OWNER, StaffRole.ADMIN, StaffRole.SUPERVISOR, StaffRole.POS, StaffRole.SERVICE],
  cancelVoucher: [
    StaffRole.OWNER,
    StaffRole.ADMIN,
    StaffRole.SUPERVISOR,
    StaffRole.AGENT,
    StaffRole.SERVICE,
    'CUSTOMER',
  ],
  /** Letting a reward over the margin guardrail go live is the owner's decision alone. */
  overrideGuardrail: [StaffRole.OWNER],
  rotateSecrets: [StaffRole.OWNER],
  /** Merging moves points and status between people: a supervisor's call; an agent proposes it. */
  mergeCustomers: [StaffRole.OWNER, StaffRole.ADMIN, StaffRole.SUPERVISOR],
  readMerges: [StaffRole.OWNER, StaffRole.ADMIN, StaffRole.ANALYST, StaffRole.SUPERVISOR, StaffRole.AGENT],
  /** Duplicate and data-quality reports list many customers' contact data: back-office roles only. */
  customerHygiene: [StaffRole.OWNER, StaffRole.ADMIN, StaffRole.ANALYST, StaffRole.SUPERVISOR],
  /** B2B accounts are set up by the back office or the business's CRM integration. */
  manageAccounts: [StaffRole.OWNER, StaffRole.ADMIN, StaffRole.SUPERVISOR, StaffRole.SERVICE],
  /** Scripts are for the people who talk to members: agents, their supervisors, store staff. */
  acknowledgeScripts: [StaffRole.OWNER, StaffRole.ADMIN, StaffRole.SUPERVISOR, StaffRole.AGENT, StaffRole.POS],
  readRateLimits: [StaffRole.OWNER, StaffRole.ADMIN],
  /** How much each role may send is the owner's decision, like the secrets. */
  manageRateLimits: [StaffRole.OWNER],
  /** Email and phone a customer sets themself, confirmed with a code sent to them; staff use updateCustomer. */
  changeOwnContact: ['CUSTOMER'],
  /** Agent scripts, current and upcoming: every staff role, never a customer. */
  readScripts: [...STAFF],
  /**
   * Every version of a text, superseded ones included. Anyone else (a customer) sees the version in effect
   * and those announced for later.
   */
  readTermsHistory: [...STAFF, StaffRole.AUDITOR],
  /**
   * The business side of the program: draft and inactive rewards, what a reward costs the business and its
   * margin, stock allotted, who published a text. Field-level: a customer selecting one gets FORBIDDEN.
   */
  readProgramInternals: [...STAFF, StaffRole.AUDITOR],
  readAccounts: [...STAFF],
  anyCaller: [...STAFF, StaffRole.AUDITOR, 'CUSTOMER', 'PLATFORM'],
  /** Surveys, fatigue rules and detractor thresholds are the back office's. */
  manageFeedback: [StaffRole.OWNER, StaffRole.ADMIN],
  readFeedback: [StaffRole.OWNER, StaffRole.ADMIN, StaffRole.ANALYST, StaffRole.SUPERVISOR, StaffRole.AGENT],
  /** Active surveys are what every channel asks, customers included; the inactive ones need readFeedback. */
  readSurveys: [...STAFF, 'CUSTOMER'],
  /** Answers come from the app (the customer's own), a till tablet, an agent on the phone or a survey tool. */
  submitSurveyResponse: [
    StaffRole.OWNER,
    StaffRole.ADMIN,
    StaffRole.SUPERVISOR,
    StaffRole.AGENT,
    StaffRole.POS,
    StaffRole.SERVICE,
    'CUSTOMER',
  ],
  changeConsent: [...CUSTOMER_GIVEN],
  /** Teams, routing, SLAs and the root-cause taxonomy. */
  manageSupport: [StaffRole.OWNER, StaffRole.ADMIN],
  workCases: [StaffRole.OWNER, StaffRole.ADMIN, StaffRole.SUPERVISOR, StaffRole.AGENT],
  /** The second pair of eyes on goodwill above an agent's limit. */
  approveGoodwill: [StaffRole.OWNER, StaffRole.ADMIN, StaffRole.SUPERVISOR],
  auditRootCauses: [StaffRole.OWNER, StaffRole.SUPERVISOR],
  /** Health weights and churn thresholds. */
  manageHealth: [StaffRole.OWNER, StaffRole.ADMIN],
  readHealth: [StaffRole.OWNER, StaffRole.ADMIN, StaffRole.ANALYST, StaffRole.SUPERVISOR, StaffRole.AGENT],
  managePlaybooks: [StaffRole.OWNER, StaffRole.ADMIN],
  /** Program metrics: the back office and service leads. */
  readMetrics: [StaffRole.OWNER, StaffRole.ADMIN, StaffRole.ANALYST, StaffRole.SUPERVISOR],
  /** The audit trail: the owner and the auditors, no one whose actions it records day to day. */
  readAuditLog: [StaffRole.OWNER, StaffRole.AUDITOR],
  /** Points liability, breakage and partner settlement. */
  readFinancials: [StaffRole.OWNER, StaffRole.ADMIN, StaffRole.ANALYST, StaffRole.AUDITOR],
  /** Lists recipients with their tax totals: fewer roles than the other reports. */
  readTaxReport: [StaffRole.OWNER, StaffRole.ADMIN, StaffRole.AUDITOR],
  /** Expected redemption rates and the accrual bookings. */
  manageFinance: [StaffRole.OWNER, StaffRole.ADMIN],
  managePartners: [StaffRole.OWNER, StaffRole.ADMIN],
  manageTax: [StaffRole.OWNER, StaffRole.ADMIN],
  /** Irreversible: the back office, on a support case. */
  eraseCustomer: [StaffRole.OWNER, StaffRole.ADMIN],
  /** Earning and redeeming at a partner: the back office, or the partner's integration key. */
  bookWithPartner: [StaffRole.OWNER, StaffRole.ADMIN, StaffRole.SERVICE],
  /** A customer exports their own data; a supervisor answers a request made to service. */
  exportCustomerData: [StaffRole.OWNER, StaffRole.ADMIN, StaffRole.SUPERVISOR, 'CUSTOMER'],
  setTaxIdentity: [...CUSTOMER_GIVEN],
};
