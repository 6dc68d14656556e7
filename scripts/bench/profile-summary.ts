import { readFileSync } from 'node:fs';

/**
 * `node dist/scripts/bench/profile-summary.js <file.cpuprofile> [--top 25]`
 *
 * Summarises a V8 CPU profile (`node --cpu-prof`, e.g. a gateway started with BENCH_NODE_ARGS): the functions
 * with the most self time, and self time by package (`node_modules/<name>`, the gateway's own `src/`, Node's
 * internals, and V8's garbage collector, idle and program buckets). Idle time is left out of the shares.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
const at = process.argv.indexOf('--top');
const TOP = at > 0 ? Number(process.argv[at + 1]) : 25;

function packageOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  if (url.startsWith('node:')) return 'node (internals)';
  const own = /\/dist\/(src|scripts)\/([^/]+)/.exec(url);
  if (own) return `gateway ${own[1]}/${own[2].replace(/\.js$/, '')}`;
  return url;
}

const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const functions = new Map<string, number>();
const packages = new Map<string, number>();
let busy = 0;
for (const [id, us] of selfUs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  if (functionName === '(idle)') continue;
  busy += us;
  const name = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, '')}:${lineNumber + 1}`;
  functions.set(name, (functions.get(name) ?? 0) + us);
  const pkg = packageOf(url, functionName);
  packages.set(pkg, (packages.get(pkg) ?? 0) + us);
}

const share = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)}%`;
const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
process.stdout.write(`busy (not idle): ${(busy / 1e6).toFixed(1)} s\n\ntop self time:\n`);
for (const [name, us] of sorted(functions).slice(0, TOP)) process.stdout.write(`${share(us)}  ${name}\n`);
process.stdout.write('\nself time by package:\n');
for (const [name, us] of sorted(packages).slice(0, TOP)) process.stdout.write(`${share(us)}  ${name}\n`);
