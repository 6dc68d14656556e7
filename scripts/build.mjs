// `npm run build`, and the step before `npm start` and every CLI: compiles only when a source changed since
// the last build, so a start or a CLI on a built tree costs a few file stats instead of a compiler run.
// Plain JavaScript because it runs before anything is compiled. `--force` (npm run build) ignores the stamp; the
// compilation stays incremental.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-stamp');
const inputDirs = ['src', 'scripts', 'migrations', 'examples', 'schema/operations'];
const inputFiles = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];

/**
 * The newest modification under `path`; directories count too, so a deleted file makes the tree newer.
 * @param {string} path
 * @returns {number}
 */
function newest(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let latest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

/** @param {string[]} args */
function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const force = process.argv.includes('--force');
const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const sourcesAt = Math.max(...[...inputDirs, ...inputFiles].map((path) => newest(join(root, path))));
// A dist/ damaged by hand (an output deleted) must be rebuilt even though no source changed.
const outputs = ['dist/src/main.js', 'dist/console/index.html', 'dist/console/main.js'];
const complete = outputs.every((output) => existsSync(join(root, output)));
if (!force && complete && builtAt >= sourcesAt) process.exit(0);

// An edit made while compiling must trigger the next build: the stamp takes the time the build started.
const started = new Date();
// tsc -b trusts its build info, so it re-emits nothing for a deleted output unless forced (a damaged dist/ that
// still has these files: delete dist/).
const tscForce = complete ? [] : ['--force'];
run([join(root, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json', ...tscForce]);
// The agent console's page is compiled for the browser by its own project (npm run build:console).
if (existsSync(join(root, 'src/console/page/tsconfig.json'))) {
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, 'run', '--silent', 'build:console'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['run', '--silent', 'build:console'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
run([join(root, 'dist/scripts/copy-database-code.js')]);
mkdirSync(dirname(stamp), { recursive: true });
writeFileSync(stamp, '');
utimesSync(stamp, started, started);
