import 'reflect-metadata';

import { readFileSync } from 'node:fs';

import { createPubSub } from '@graphql-yoga/subscription';

import { buildGatewaySchema, printGatewaySchema } from '../../src/schema';

describe('schema/schema.graphql', () => {
  it('is what the code emits (run `npm run schema` after changing the API)', async () => {
    const emitted = printGatewaySchema(await buildGatewaySchema(null, createPubSub()));
    expect(readFileSync('schema/schema.graphql', 'utf8')).toBe(emitted);
  });
});
