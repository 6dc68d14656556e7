import { registerEnumType } from 'type-graphql';

/** What a customer may consent to; every domain that reaches out to or scores a customer checks one. */
export enum ConsentPurpose {
  MARKETING = 'MARKETING',
  SURVEYS = 'SURVEYS',
  PROFILING = 'PROFILING',
}

registerEnumType(ConsentPurpose, {
  name: 'ConsentPurpose',
  description: 'What a customer may consent to. MARKETING and SURVEYS are opt-in; PROFILING is opt-out.',
  valuesConfig: {
    MARKETING: { description: 'Offers and reminders (opt-in: no choice recorded means no consent).' },
    SURVEYS: { description: 'Being asked for feedback (opt-in: no choice recorded means no consent).' },
    PROFILING: {
      description:
        'Scores computed about the customer, such as health and churn risk (opt-out: allowed until refused).',
    },
  },
});

/** Opt-in purposes need a recorded yes; opt-out ones hold until a recorded no. */
const OPT_OUT: ReadonlySet<ConsentPurpose> = new Set([ConsentPurpose.PROFILING]);

/** Whether the purpose is allowed, given the customer's recorded choice for it (undefined: none recorded). */
export function consentAllows(purpose: ConsentPurpose, recorded: boolean | undefined): boolean {
  return recorded ?? OPT_OUT.has(purpose);
}

/**
 * A SQL boolean expression, true when the customer whose id is `customerIdSql` (a column such as `c.id`, or a
 * `?` bound by the caller) allows `purpose`, for set-based queries (`... where ${consentAllowsSql('c.id',
 * ConsentPurpose.PROFILING)}`). It reads `customer_consent`, whose rows are the current choice per purpose.
 */
export function consentAllowsSql(customerIdSql: string, purpose: ConsentPurpose): string {
  // The purpose is an enum value, never client text, so it is safe inline.
  return OPT_OUT.has(purpose)
    ? `not exists (select 1 from customer_consent cc where cc.customer_id = ${customerIdSql} and cc.purpose = '${purpose}' and not cc.granted)`
    : `exists (select 1 from customer_consent cc where cc.customer_id = ${customerIdSql} and cc.purpose = '${purpose}' and cc.granted)`;
}
