import type { MikroORM } from '@mikro-orm/postgresql';
import express, { Router } from 'express';
import type { Logger } from 'pino';

import { isUuid } from '../shared/validation';
import {
  INGEST_SOURCES,
  type IngestEvent,
  ingestEvents,
  type IngestSource,
  MAX_BATCH,
  signatureMatches,
} from './ingest.service';

/** A batch of 500 events with their data fits comfortably; GraphQL requests keep BODY_LIMIT. */
const INGEST_BODY_LIMIT = '2mb';

/**
 * `POST /ingest/:source`: other systems (CRM, support, billing, POS back office) post batches of events
 * for customers' timelines, signed with the tenant's ingest secret over the exact bytes sent (see README).
 */
export function ingestRouter(orm: MikroORM, log: Logger): Router {
  const router = Router();
  router.post('/:source', express.raw({ type: () => true, limit: INGEST_BODY_LIMIT }), async (req, res) => {
    const fail = (status: number, code: string, message: string) =>
      res.status(status).json({ error: { code, message } });
    const source = req.params.source as IngestSource;
    if (!INGEST_SOURCES.includes(source))
      return fail(404, 'NOT_FOUND', `Unknown source; post to one of /ingest/${INGEST_SOURCES.join(', /ingest/')}`);
    const tenantId = req.header('x-loyalty-tenant') ?? '';
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const [tenant] = isUuid(tenantId)
      ? await orm.em.fork().execute<
          {
            ingest_secret: string;
          }[]
        >(`select ingest_secret from tenant where id = ?`, [tenantId])
      : [];
    if (
      !tenant ||
      !signatureMatches(
        tenant.ingest_secret,
        source,
        req.header('x-loyalty-timestamp'),
        body,
        req.header('x-loyalty-signature'),
      )
    ) {
      return fail(
        401,
        'UNAUTHENTICATED',
        'Send X-Loyalty-Tenant, X-Loyalty-Timestamp (unix seconds, within 5 minutes) and X-Loyalty-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<source>.<body>" with the ingest secret>',
      );
    }
    let parsed: { events?: unknown };
    try {
      parsed = JSON.parse(body.toString('utf8')) as { events?: unknown };
    } catch {
      return fail(400, 'BAD_REQUEST', 'The body is not JSON');
    }
    if (!Array.isArray(parsed?.events) || parsed.events.length === 0 || parsed.events.length > MAX_BATCH) {
      return fail(400, 'BAD_REQUEST', `The body is {"events": [...]} with 1 to ${MAX_BATCH} events`);
    }
    try {
      const results = await ingestEvents(orm.em.fork(), tenantId, source, parsed.events as IngestEvent[]);
      const count = (status: string) => results.filter((result) => result.status === status).length;
      return res.json({
        stored: count('STORED'),
        duplicates: count('DUPLICATE'),
        rejected: count('REJECTED'),
        results,
      });
    } catch (error) {
      log.error({ err: error, source, tenantId }, 'ingestion failed');
      return fail(500, 'INTERNAL_SERVER_ERROR', 'Nothing was stored; send the batch again');
    }
  });
  return router;
}
