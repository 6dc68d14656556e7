import { randomUUID } from 'node:crypto';

import {
  CustomerSurveyResponsesDocument,
  RecordPurchaseDocument,
  SetFeedbackSettingsDocument,
  SubmitSurveyResponseDocument,
  type SubmitSurveyResponseInput,
  UpdateSurveyDocument,
} from '../generated/graphql';
import {
  type ApiClient,
  createCustomer,
  createStore,
  createTenant,
  errorCode,
  key,
  startGateway,
  type TestGateway,
} from '../support';
import { answer, createSurvey, rows, submit } from './fixtures';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startGateway({ env: { LEDGER_JOBS_INTERVAL_MS: '0' } });
});
afterAll(() => gw.close());

async function purchaseOf(by: ApiClient, customerId: string, storeId: string): Promise<string> {
  const { recordPurchase } = await by.data(RecordPurchaseDocument, {
    input: {
      customerId,
      storeId,
      orderId: `O-${randomUUID().slice(0, 8)}`,
      lines: [{ sku: 'MUG', quantity: 1, unitPrice: 1_200 }],
      idempotencyKey: key(),
    },
  });
  return recordPurchase.purchaseId;
}

const signalsOf = (customerId: string) =>
  rows<{ type: string; cause: string; payload: Record<string, unknown> }>(
    gw,
    `select type, cause, payload from customer_signal where customer_id = ?`,
    [customerId],
  );

const reasonOf = async (by: ApiClient, input: SubmitSurveyResponseInput) =>
  (await by.gql(SubmitSurveyResponseDocument, { input })).errors?.[0]?.extensions;

describe('submitSurveyResponse', () => {
  it('records an answer on the timeline; a promoter raises no signal', async () => {
    const tenant = await createTenant(gw);
    const survey = await createSurvey(tenant.owner, { code: 'NPS-REL' });
    const customer = await createCustomer(tenant.owner);
    const agent = await tenant.agent();
    const { response, replayed } = await submit(
      agent,
      answer(customer.id, survey.id, 9, { comment: 'Great staff.\nFast checkout.', topic: 'service' }),
    );
    expect(replayed).toBe(false);
    expect(response).toMatchObject({
      surveyId: survey.id,
      kind: 'NPS',
      score: 9,
      comment: 'Great staff.\nFast checkout.',
      channel: 'AGENT',
      storeId: null,
      context: null,
      topic: 'service',
      detractor: false,
    });
    const timeline = await rows<{
      kind: string;
      channel: string;
      actor: string;
      summary: string;
      data: object;
      ref_id: string;
    }>(gw, `select kind, channel, actor, summary, data, ref_id from timeline_event where customer_id = ?`, [
      customer.id,
    ]);
    expect(timeline).toEqual([
      {
        kind: 'SURVEY_RESPONSE',
        channel: 'AGENT',
        actor: `key:${agent.id}`,
        summary: 'NPS 9 on NPS-REL',
        data: { surveyId: survey.id, surveyCode: 'NPS-REL', kind: 'NPS', score: 9, detractor: false },
        ref_id: response.id,
      },
    ]);
    expect(await signalsOf(customer.id)).toEqual([]);
  });

  it("raises exactly one DETRACTOR_RESPONSE per response, at the tenant's threshold, with the payload cases route by", async () => {
    const tenant = await createTenant(gw);
    const store = await createStore(tenant.owner);
    const pos = await tenant.pos(store.id);
    const csat = await createSurvey(tenant.owner, { kind: 'CSAT', trigger: 'TRANSACTIONAL' });
    const customer = await createCustomer(tenant.owner);
    const purchaseId = await purchaseOf(pos, customer.id, store.id);

    const input = answer(customer.id, csat.id, 2, { context: { type: 'PURCHASE', id: purchaseId }, topic: 'checkout' });
    const first = await submit(pos, input);
    expect(first.response).toMatchObject({
      detractor: true,
      channel: 'POS',
      storeId: store.id,
      context: { type: 'PURCHASE', id: purchaseId },
    });
    const retry = await submit(pos, { ...input, storeId: store.id, channel: 'POS' });
    expect(retry).toEqual({ response: first.response, replayed: true });
    const again = await reasonOf(pos, { ...input, idempotencyKey: key() });
    expect(again).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_ANSWERED', field: 'input.context.id' });

    expect(await signalsOf(customer.id)).toEqual([
      {
        type: 'DETRACTOR_RESPONSE',
        cause: first.response.id,
        payload: {
          responseId: first.response.id,
          surveyId: csat.id,
          kind: 'CSAT',
          score: 2,
          channel: 'POS',
          storeId: store.id,
          topic: 'checkout',
          // Added by the cases part's handler: the detractor case the response opened or was noted on.
          caseId: expect.any(String),
        },
      },
    ]);
    const [entry] = await rows<{ summary: string; data: Record<string, unknown> }>(
      gw,
      `select summary, data from timeline_event where customer_id = ? and kind = 'SURVEY_RESPONSE'`,
      [customer.id],
    );
    expect(entry).toMatchObject({
      summary: `CSAT 2 on ${csat.code} (detractor)`,
      data: { detractor: true, contextType: 'PURCHASE', contextId: purchaseId, storeId: store.id },
    });

    // NPS 7 is passive by default; a tenant that counts up to 8 as detractors gets a signal for it.
    const nps = await createSurvey(tenant.owner);
    const passive = await submit(tenant.owner, answer(customer.id, nps.id, 7));
    expect(passive.response.detractor).toBe(false);
    await tenant.owner.data(SetFeedbackSettingsDocument, { input: { idempotencyKey: key(), npsDetractorMax: 8 } });
    const strict = await submit(tenant.owner, answer(customer.id, nps.id, 8));
    expect(strict.response.detractor).toBe(true);
    const causes = (await signalsOf(customer.id)).map((signal) => signal.cause).sort();
    expect(causes).toEqual([first.response.id, strict.response.id].sort());
  });

  it('validates the score on the scale of the survey kind, naming input.score', async () => {
    const tenant = await createTenant(gw);
    const customer = await createCustomer(tenant.owner);
    for (const [kind, min, max] of [
      ['NPS', 0, 10],
      ['CES', 1, 7],
      ['CSAT', 1, 5],
    ] as const) {
      const survey = await createSurvey(tenant.owner, { kind });
      for (const score of [min - 1, max + 1]) {
        expect(await reasonOf(tenant.owner, answer(customer.id, survey.id, score))).toMatchObject({
          code: 'BAD_USER_INPUT',
          reason: 'SCORE_OUT_OF_RANGE',
          field: 'input.score',
        });
      }
      for (const score of [min, max])
        expect((await submit(tenant.owner, answer(customer.id, survey.id, score))).response.score).toBe(score);
    }
    const stored = await rows<{ kind: string; score: number; detractor: boolean }>(
      gw,
      `select kind, score, detractor from survey_response where customer_id = ? order by kind, score`,
      [customer.id],
    );
    // Defaults: CES 1-3, CSAT 1-2, NPS 0-6 are detractors.
    expect(stored).toEqual([
      { kind: 'CES', score: 1, detractor: true },
      { kind: 'CES', score: 7, detractor: false },
      { kind: 'CSAT', score: 1, detractor: true },
      { kind: 'CSAT', score: 5, detractor: false },
      { kind: 'NPS', score: 0, detractor: true },
      { kind: 'NPS', score: 10, detractor: false },
    ]);
  });

  it('ties a transactional answer to a purchase, case or call of the customer', async () => {
    const tenant = await createTenant(gw);
    const store = await createStore(tenant.owner);
    const survey = await createSurvey(tenant.owner, { kind: 'CES', trigger: 'TRANSACTIONAL' });
    const customer = await createCustomer(tenant.owner);
    const stranger = await createCustomer(tenant.owner);
    const theirPurchase = await purchaseOf(tenant.owner, stranger.id, store.id);
    const caseId = randomUUID();
    await rows(
      gw,
      `insert into support_case (id, tenant_id, customer_id, status, priority, source_type, subject, first_response_due_at, resolution_due_at)
       values (?, ?, ?, 'RESOLVED', 'P3', 'AGENT', 'Refund', now(), now())`,
      [caseId, tenant.tenantId, customer.id],
    );
    const base = (extra: Partial<SubmitSurveyResponseInput>) => answer(customer.id, survey.id, 6, extra);
    expect(await reasonOf(tenant.owner, base({}))).toMatchObject({ reason: 'CONTEXT_INVALID', field: 'input.context' });
    expect(await reasonOf(tenant.owner, base({ context: { type: 'RELATIONSHIP' } }))).toMatchObject({
      reason: 'CONTEXT_INVALID',
      field: 'input.context.type',
    });
    expect(await reasonOf(tenant.owner, base({ context: { type: 'PURCHASE' } }))).toMatchObject({
      reason: 'CONTEXT_INVALID',
      field: 'input.context.id',
    });
    expect(await reasonOf(tenant.owner, base({ context: { type: 'PURCHASE', id: theirPurchase } }))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'CONTEXT_NOT_FOUND',
      field: 'input.context.id',
    });
    expect((await submit(tenant.owner, base({ context: { type: 'CASE', id: caseId } }))).response.context).toEqual({
      type: 'CASE',
      id: caseId,
    });
    expect((await submit(tenant.owner, base({ context: { type: 'CALL', id: 'call-778' } }))).response.context).toEqual({
      type: 'CALL',
      id: 'call-778',
    });
    const relationship = await createSurvey(tenant.owner);
    expect(
      await reasonOf(tenant.owner, answer(customer.id, relationship.id, 9, { context: { type: 'CALL', id: 'c' } })),
    ).toMatchObject({ reason: 'CONTEXT_INVALID', field: 'input.context.type' });
  });

  it('replays a retry, refuses the key with another answer or caller, and replays after the survey is switched off', async () => {
    const tenant = await createTenant(gw);
    const survey = await createSurvey(tenant.owner);
    const customer = await createCustomer(tenant.owner);
    const input = answer(customer.id, survey.id, 8);
    const first = await submit(tenant.owner, input);
    expect(await reasonOf(tenant.owner, { ...input, score: 3 })).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
      field: 'input.idempotencyKey',
    });
    const self = await tenant.customer(customer.id);
    expect(await reasonOf(self, input)).toMatchObject({ reason: 'IDEMPOTENCY_KEY_REUSED' });

    await tenant.owner.data(UpdateSurveyDocument, { id: survey.id, input: { idempotencyKey: key(), active: false } });
    expect(await submit(tenant.owner, input)).toEqual({ response: first.response, replayed: true });
    expect(await reasonOf(tenant.owner, answer(customer.id, survey.id, 8))).toMatchObject({
      code: 'CONFLICT',
      reason: 'SURVEY_INACTIVE',
      field: 'input.surveyId',
    });
    const counted = await rows(gw, `select 1 from survey_response where customer_id = ?`, [customer.id]);
    expect(counted).toHaveLength(1);
    const entries = await rows(gw, `select 1 from timeline_event where customer_id = ?`, [customer.id]);
    expect(entries).toHaveLength(1);
  });

  it('records concurrent retries of one detractor answer once, with one signal', async () => {
    const tenant = await createTenant(gw);
    const survey = await createSurvey(tenant.owner);
    const customer = await createCustomer(tenant.owner);
    const input = answer(customer.id, survey.id, 1);
    const results = await Promise.all(Array.from({ length: 6 }, () => submit(tenant.owner, input)));
    expect(new Set(results.map((result) => result.response.id)).size).toBe(1);
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    expect(await signalsOf(customer.id)).toHaveLength(1);
    expect(await rows(gw, `select 1 from survey_response where customer_id = ?`, [customer.id])).toHaveLength(1);
  });

  it('takes what the credential fixes: a customer answers for itself, a till at its store through POS', async () => {
    const tenant = await createTenant(gw);
    const survey = await createSurvey(tenant.owner);
    const customer = await createCustomer(tenant.owner);
    const other = await createCustomer(tenant.owner);
    const self = await tenant.customer(customer.id);
    // No SURVEYS consent: an answer the customer volunteers is still recorded.
    const own = await submit(self, answer(customer.id, survey.id, 10, { channel: 'MOBILE' }));
    expect(own.response).toMatchObject({ channel: 'MOBILE', score: 10 });
    expect(await reasonOf(self, answer(other.id, survey.id, 10))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_OWN_CUSTOMER',
    });

    const north = await createStore(tenant.owner);
    const south = await createStore(tenant.owner);
    const till = await tenant.pos(north.id);
    expect(await reasonOf(till, answer(customer.id, survey.id, 9, { storeId: south.id }))).toMatchObject({
      reason: 'NOT_OWN_STORE',
      field: 'input.storeId',
    });
    expect(await reasonOf(till, answer(customer.id, survey.id, 9, { channel: 'WEB' }))).toMatchObject({
      reason: 'CHANNEL_FIXED',
      field: 'input.channel',
    });
    expect(await reasonOf(tenant.owner, answer(customer.id, survey.id, 9, { storeId: randomUUID() }))).toMatchObject({
      reason: 'STORE_NOT_FOUND',
      field: 'input.storeId',
    });
    const analyst = await tenant.key('ANALYST');
    expect(
      errorCode(await analyst.gql(SubmitSurveyResponseDocument, { input: answer(customer.id, survey.id, 9) })),
    ).toBe('FORBIDDEN');

    const elsewhere = await createTenant(gw);
    const theirs = await createSurvey(elsewhere.owner);
    expect(await reasonOf(tenant.owner, answer(customer.id, theirs.id, 9))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'SURVEY_NOT_FOUND',
      field: 'input.surveyId',
    });
    expect(await reasonOf(elsewhere.owner, answer(customer.id, theirs.id, 9))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.customerId',
    });
  });
});

describe('Customer.surveyResponses', () => {
  it('pages the answers newest first for staff who read feedback, and no one else', async () => {
    const tenant = await createTenant(gw);
    const survey = await createSurvey(tenant.owner);
    const customer = await createCustomer(tenant.owner);
    const ids: string[] = [];
    for (const score of [3, 8, 10])
      ids.push((await submit(tenant.owner, answer(customer.id, survey.id, score))).response.id);

    const agent = await tenant.agent();
    const first = (await agent.data(CustomerSurveyResponsesDocument, { id: customer.id, first: 2 })).customer
      .surveyResponses;
    expect(first.edges.map((edge) => edge.node)).toEqual([
      { id: ids[2], score: 10, kind: 'NPS', detractor: false, survey: { code: survey.code } },
      { id: ids[1], score: 8, kind: 'NPS', detractor: false, survey: { code: survey.code } },
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (
      await agent.data(CustomerSurveyResponsesDocument, { id: customer.id, first: 2, after: first.pageInfo.endCursor })
    ).customer.surveyResponses;
    expect(rest.edges.map((edge) => [edge.node.id, edge.node.detractor])).toEqual([[ids[0], true]]);
    expect(rest.pageInfo.hasNextPage).toBe(false);

    const self = await tenant.customer(customer.id);
    const till = await tenant.pos((await createStore(tenant.owner)).id);
    for (const caller of [self, till]) {
      expect(errorCode(await caller.gql(CustomerSurveyResponsesDocument, { id: customer.id }))).toBe('FORBIDDEN');
    }
  });
});

describe('reading feedback for many customers', () => {
  it('loads ten customers with their consents and answers in a fixed number of statements', async () => {
    const tenant = await createTenant(gw);
    const survey = await createSurvey(tenant.owner);
    const customers: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const customer = await createCustomer(tenant.owner);
      await submit(tenant.owner, answer(customer.id, survey.id, i));
      customers.push(customer.id);
    }
    const knex = gw.gateway.orm.em.getConnection().getKnex();
    const statements: string[] = [];
    // The outbox relay shares the pool and wakes on the answers above: its statements are not the request's.
    const onQuery = (query: { sql: string }) => {
      if (!/outbox_event|^(begin|commit|rollback)/i.test(query.sql)) statements.push(query.sql);
    };
    const query = `query { ${customers
      .map(
        (id, i) =>
          `c${i}: customer(id: "${id}") { id consents { purpose granted } surveyResponses(first: 2) { edges { node { score survey { code } } } } }`,
      )
      .join(' ')} }`;
    knex.on('query', onQuery);
    let res;
    try {
      res = await tenant.owner.data(query);
    } finally {
      knex.off('query', onQuery);
    }
    expect(res.c9.surveyResponses.edges[0].node).toEqual({ score: 9, survey: { code: survey.code } });
    expect(res.c9.consents).toHaveLength(3);
    for (const table of ['customer_consent', 'survey_response', 'from survey ']) {
      expect(statements.filter((sql) => sql.includes(table))).toHaveLength(1);
    }
    expect(statements.length).toBeLessThanOrEqual(4);
  });
});
