import { readFileSync } from 'node:fs';
import path from 'node:path';

/** What an example needs to reach a gateway: from the environment, else from the demo data `npm run seed` wrote. */
export interface ExampleConfig {
  /** http(s)://host:port, without /graphql. */
  readonly gatewayUrl: string;
  readonly keys: { readonly owner?: string; readonly agent?: string; readonly pos?: string };
  /** The customer the example works with; `email` lets the till find them the way a scan would. */
  readonly customer?: { readonly id: string; readonly email?: string | null; readonly displayName?: string | null };
  readonly consoleUrl?: string;
}

interface DemoFile {
  gatewayUrl?: string;
  keys?: { owner?: string; agent?: string; pos?: string };
  customers?: { id: string; email?: string | null; displayName?: string | null }[];
  consoleUrl?: string;
}

function readDemo(file: string): DemoFile {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DemoFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`${file} is not valid JSON: run \`npm run seed\` again`, { cause: error });
  }
}

/**
 * GATEWAY_URL, LG_OWNER_KEY, LG_AGENT_KEY, LG_POS_KEY and LG_CUSTOMER_ID win; what they leave out comes from
 * `<DATA_DIR or .data>/demo.json`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ExampleConfig {
  const demo = readDemo(path.join(env.DATA_DIR ?? '.data', 'demo.json'));
  const first = demo.customers?.[0];
  const customerId = env.LG_CUSTOMER_ID ?? first?.id;
  return {
    gatewayUrl: (env.GATEWAY_URL ?? demo.gatewayUrl ?? 'http://localhost:4000').replace(/\/(graphql)?$/, ''),
    keys: {
      owner: env.LG_OWNER_KEY ?? demo.keys?.owner,
      agent: env.LG_AGENT_KEY ?? demo.keys?.agent,
      pos: env.LG_POS_KEY ?? demo.keys?.pos,
    },
    customer: customerId ? (demo.customers?.find((c) => c.id === customerId) ?? { id: customerId }) : undefined,
    consoleUrl: demo.consoleUrl,
  };
}

/** The value, or an error that says where to set it. */
export function required<T>(value: T | undefined | null, what: string, envName: string): T {
  if (value === undefined || value === null || value === '') {
    throw new Error(`No ${what}: set ${envName}, or run \`npm run seed\` to write .data/demo.json`);
  }
  return value;
}
