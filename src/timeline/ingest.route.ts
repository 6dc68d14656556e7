import { randomBytes } from 'node:crypto';

import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response, Router } from 'express';
import type { Logger } from 'pino';

import type { SignalService } from '../signals/signal.service';
import {
  claimDelivery,
  type IngestEvent,
  ingestEvents,
  MAX_BATCH,
  readSignedHeaders,
  signatureMatches,
} from './ingest.service';
import { INGEST_SOURCES, type IngestSource } from './ingest.sources';

const HOW_TO_SIGN =
  'Send X-Loyalty-Tenant, X-Loyalty-Timestamp (unix seconds, within 5 minutes), X-Loyalty-Delivery (your id for this delivery: 1 to 128 of A-Z a-z 0-9 _ : -) and X-Loyalty-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<source>.<delivery id>.<body>" with the ingest secret>';

/** Stands in for an unknown tenant's secret, so that an unknown tenant costs and answers like a bad signature. */
const NO_TENANT_SECRET = randomBytes(32).toString('base64url');

function fail(res: Response, status: number, code: string, message: string, reason?: string) {
  return res.status(status).json({ error: { code, ...(reason ? { reason } : {}), message } });
}

/** Reads the body, up to the source's limit. */
function readBody(parser: express.RequestHandler, req: Request, res: Response): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    void parser(req, res, (error?: unknown) => {
      if (error) reject(error instanceof Error ? error : new Error('The body could not be read'));
      else resolve(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
    });
  });
}

/**
 * `POST /ingest/:source`: other systems (CRM, support, billing, POS back office) post batches of events
 * for customers' timelines, signed with the tenant's ingest secret over the exact bytes sent (see
 * docs/api/timeline.md). Everything that needs no body (source, headers, timestamp) is checked before the
 * body is read; the body is capped per source; each delivery id is accepted once.
 */
export function ingestRouter(
  orm: MikroORM,
  signals: SignalService,
  log: Logger,
  maxBodyBytes: Readonly<Record<IngestSource, number>>,
): Router {
  const router = Router();
  const parsers = new Map(
    INGEST_SOURCES.map((source) => [source, express.raw({ type: () => true, limit: maxBodyBytes[source] })]),
  );
  router.post('/:source', async (req, res) => {
    const source = req.params.source as IngestSource;
    const parser = parsers.get(source);
    if (!parser)
      return fail(res, 404, 'NOT_FOUND', `Unknown source; post to one of /ingest/${INGEST_SOURCES.join(', /ingest/')}`);
    const delivery = readSignedHeaders((name) => req.header(name));
    if (typeof delivery === 'string') return fail(res, 401, 'UNAUTHENTICATED', HOW_TO_SIGN, delivery);

    const tooLarge = () =>
      fail(
        res,
        413,
        'PAYLOAD_TOO_LARGE',
        `A batch to /ingest/${source} is at most ${maxBodyBytes[source]} bytes; send smaller batches`,
      );
    // Refused from its Content-Length, unread: the connection closes rather than take in what is discarded.
    if (Number(req.header('content-length')) > maxBodyBytes[source]) {
      res.setHeader('connection', 'close');
      return tooLarge();
    }
    let body: Buffer;
    try {
      body = await readBody(parser, req, res);
    } catch (error) {
      // A chunked or compressed body is cut off at the limit as it is read.
      const status = (error as { status?: number }).status ?? 400;
      if (status === 413) return tooLarge();
      return fail(res, status < 500 ? status : 400, 'BAD_REQUEST', 'The body could not be read');
    }

    const [tenant] = await orm.em
      .fork()
      .execute<{ ingest_secret: string }[]>(`select ingest_secret from tenant where id = ?`, [delivery.tenantId]);
    // Unknown tenant and wrong signature: the same work, the same answer.
    const matches = signatureMatches(tenant?.ingest_secret ?? NO_TENANT_SECRET, source, delivery, body);
    if (!tenant || !matches) return fail(res, 401, 'UNAUTHENTICATED', HOW_TO_SIGN, 'SIGNATURE_MISMATCH');

    let parsed: { events?: unknown };
    try {
      parsed = JSON.parse(body.toString('utf8')) as { events?: unknown };
    } catch {
      return fail(res, 400, 'BAD_REQUEST', 'The body is not JSON');
    }
    if (!Array.isArray(parsed?.events) || parsed.events.length === 0 || parsed.events.length > MAX_BATCH) {
      return fail(res, 400, 'BAD_REQUEST', `The body is {"events": [...]} with 1 to ${MAX_BATCH} events`);
    }
    const events = parsed.events as IngestEvent[];
    try {
      // The delivery is claimed with what it stores: a batch that fails can be sent again under its id.
      const results = await orm.em
        .fork()
        .transactional(async (tx) =>
          (await claimDelivery(tx, delivery.tenantId, source, delivery.deliveryId))
            ? ingestEvents(tx, signals, delivery.tenantId, source, events)
            : null,
        );
      if (!results)
        return fail(
          res,
          409,
          'CONFLICT',
          'This X-Loyalty-Delivery was accepted already; nothing was stored again',
          'DUPLICATE_DELIVERY',
        );
      const count = (status: string) => results.filter((result) => result.status === status).length;
      return res.json({
        stored: count('STORED'),
        duplicates: count('DUPLICATE'),
        rejected: count('REJECTED'),
        results,
      });
    } catch (error) {
      log.error({ err: error, source, tenantId: delivery.tenantId }, 'ingestion failed');
      return fail(res, 500, 'INTERNAL_SERVER_ERROR', 'Nothing was stored; send the batch again');
    }
  });
  return router;
}
