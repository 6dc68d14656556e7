/** The systems that may post events to `/ingest/:source`, each under its own idempotency namespace. */
export const INGEST_SOURCES = ['crm', 'support', 'billing', 'pos'] as const;
export type IngestSource = (typeof INGEST_SOURCES)[number];
