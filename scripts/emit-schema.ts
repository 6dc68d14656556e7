import 'reflect-metadata';

import { writeFileSync } from 'node:fs';

import { createPubSub } from '@graphql-yoga/subscription';

import { buildGatewaySchema, printGatewaySchema } from '../src/schema';

// `npm run schema`: writes schema/schema.graphql from the code-first resolvers. No resolver runs here,
// so no services are built.
void buildGatewaySchema(null, createPubSub()).then((schema) => {
  writeFileSync('schema/schema.graphql', printGatewaySchema(schema));
  process.stdout.write('wrote schema/schema.graphql\n');
});
