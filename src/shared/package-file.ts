import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * A file of an installed package, with the package's version, for pages the gateway serves from node_modules
 * (a version in the URL makes a new version a new URL). Resolved through package.json, which every package exports.
 */
export function packageFile(pkg: string, file: string): { version: string; path: string; load: () => Promise<Buffer> } {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const path = join(dirname(manifest), file);
  return { version, path, load: () => readFile(path) };
}
