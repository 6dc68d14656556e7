import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import express, { type Response } from 'express';

import { packageFile } from '../shared/package-file';

/**
 * The page may talk to this origin only: its scripts, styles, fetches and WebSocket. No inline code, no frames,
 * no other origin, so a compromised response cannot exfiltrate the agent's key.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface ConsoleRouteOptions {
  /** Where `npm run build:console` put the page; default `<project>/dist/console`. */
  pageDir?: string;
}

/** The project root: the nearest folder with a package.json, from src/console (tests) or dist/src/console (built). */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/** The path index.html loads graphql-ws from; the route puts the installed version in it when serving the page. */
const VENDOR_PLACEHOLDER = '/console/vendor/graphql-ws.min.js';

/** graphql-ws's browser build, named with the installed version so a new version is a new URL. */
function vendorAsset(): { file: string; path: string } {
  const { version, path } = packageFile('graphql-ws', 'umd/graphql-ws.min.js');
  return { file: path, path: `/console/vendor/graphql-ws-${version}.min.js` };
}

function secure(res: Response): void {
  res.setHeader('Content-Security-Policy', CONSOLE_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

/**
 * The agent console at /console: the page built by `npm run build:console` and the graphql-ws browser build it
 * uses, served from this origin. The page and its modules are revalidated on every load (their names carry no
 * hash, so a new build shows at once); the vendor file, whose name carries the installed version, is cached for a
 * year.
 */
export function consoleRouter(options: ConsoleRouteOptions = {}): express.Router {
  const pageDir = options.pageDir ?? join(projectRoot(), 'dist', 'console');
  const vendor = vendorAsset();
  const index = join(pageDir, 'index.html');
  const router = express.Router({ strict: false });

  router.use('/console', (_req, res, next) => {
    secure(res);
    // Checked per request, so a build made while the gateway runs is served without a restart.
    if (existsSync(index)) return next();
    res
      .status(503)
      .type('text/plain')
      .send('The console is not built: run `npm run build` (or `npm run build:console`).\n');
  });
  router.get(vendor.path, (_req, res, next) => {
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.sendFile(vendor.file, (error) => error && next(error));
  });
  router.get(['/console', '/console/', '/console/index.html'], (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-cache');
    // Read per request, like the check above; the body's ETag lets the browser revalidate.
    readFile(index, 'utf8').then(
      (html) => res.type('html').send(html.replaceAll(VENDOR_PLACEHOLDER, vendor.path)),
      next,
    );
  });
  router.use(
    '/console',
    express.static(pageDir, {
      index: false,
      redirect: false,
      dotfiles: 'ignore',
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  return router;
}
