import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

import type { Context } from './context';

/** Tarn pool behind knex; read-only use for the pool gauges. */
interface PoolStats {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

export class Metrics {
  readonly registry = new Registry();

  readonly operations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations by name, type and outcome',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly latency = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operation latency by name and type',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly subscriptionsOpen = new Gauge({
    name: 'graphql_subscriptions_open',
    help: 'Subscriptions currently open on this instance',
    registers: [this.registry],
  });

  readonly outboxRelayed = new Counter({
    name: 'outbox_events_relayed_total',
    help: 'Outbox events this instance moved to the event bus',
    registers: [this.registry],
  });

  readonly ledgerBatchFallbacks = new Counter({
    name: 'ledger_batch_fallbacks_total',
    help: 'Groups of earns whose statement failed and whose earns were booked one by one',
    registers: [this.registry],
  });

  constructor(orm: MikroORM) {
    collectDefaultMetrics({ register: this.registry });
    const pool = (): PoolStats | undefined => (orm.em.getConnection().getKnex().client as { pool?: PoolStats }).pool;
    new Gauge({
      name: 'db_pool_connections',
      help: 'Database pool connections by state',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const stats = pool();
        if (!stats) return;
        this.set({ state: 'used' }, stats.numUsed());
        this.set({ state: 'free' }, stats.numFree());
        this.set({ state: 'pending' }, stats.numPendingAcquires());
      },
    });
  }

  /**
   * Counts and times every HTTP operation, labelled by its first root field: a name from the schema, so
   * the label set stays bounded (client-chosen operation names would let any client grow it without end).
   * Errors are logged here with the request id before masking.
   */
  apolloPlugin(): ApolloServerPlugin<Context> {
    const { operations, latency } = this;
    return {
      requestDidStart({ contextValue }) {
        const startedAt = process.hrtime.bigint();
        let failed = false;
        return Promise.resolve({
          didEncounterErrors({ errors, operationName }) {
            failed = true;
            for (const error of errors) {
              const code = error.extensions?.code;
              if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
                contextValue.log.error({ err: error.originalError ?? error, operationName }, 'operation failed');
              } else {
                contextValue.log.debug({ code, message: error.message, operationName }, 'operation rejected');
              }
            }
            return Promise.resolve();
          },
          willSendResponse({ operation }) {
            const labels = { operation: rootFieldLabel(operation), type: operation?.operation ?? 'unknown' };
            operations.inc({ ...labels, outcome: failed ? 'error' : 'ok' });
            latency.observe(labels, Number(process.hrtime.bigint() - startedAt) / 1e9);
            return Promise.resolve();
          },
        });
      },
    };
  }
}

/** `customer`, `recordPurchase`, ...: the first root field; `invalid` when the request did not parse or validate. */
function rootFieldLabel(operation: OperationDefinitionNode | undefined): string {
  if (!operation) return 'invalid';
  const first = operation.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD);
  return first && first.kind === Kind.FIELD ? first.name.value : 'fragment';
}
