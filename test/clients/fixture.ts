import { randomUUID } from 'node:crypto';

import { activeReward, createCustomer, earn, type Program, program, type TestGateway } from '../support';

/** A program with a store, a member with points, a reward they can afford, an agent script, and a key per channel. */
export interface ClientsFixture {
  readonly program: Program;
  readonly storeId: string;
  readonly customer: { id: string; email: string };
  readonly rewardId: string;
  readonly keys: { owner: string; agent: string; pos: string };
}

export async function clientsFixture(gw: TestGateway): Promise<ClientsFixture> {
  const p = await program(gw);
  const { owner } = p.tenant;
  const email = `ada-${randomUUID().slice(0, 8)}@example.com`;
  const customer = await createCustomer(owner, { email, displayName: 'Ada Lovelace' });
  await earn(owner, customer.id, 1_000);
  const rewardId = await activeReward(owner, { pointsCost: 100, channels: ['MOBILE', 'POS'] });
  await owner.data(`mutation ($input: PublishTermsInput!) { publishProgramTerms(input: $input) { terms { id } } }`, {
    input: {
      channel: 'AGENT',
      kind: 'AGENT_SCRIPT',
      locale: 'en',
      title: 'Greeting',
      body: 'Thank the member for their loyalty.',
      idempotencyKey: randomUUID(),
    },
  });
  const agent = await p.tenant.agent();
  const pos = await p.tenant.pos(p.north.id);
  return {
    program: p,
    storeId: p.north.id,
    customer: { id: customer.id, email },
    rewardId,
    keys: { owner: owner.secret, agent: agent.secret, pos: pos.secret },
  };
}

/** Collects what an example prints, for the assertion messages. */
export function printer(): { lines: string[]; print: (line: string) => void } {
  const lines: string[] = [];
  return { lines, print: (line) => lines.push(line) };
}
