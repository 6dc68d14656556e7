import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

import express, { type Request, type Response } from 'express';

import { packageFile } from '../package-file';
import { IDE_SCRIPT } from './ide-script';

const gzipAsync = promisify(gzip);

/** Where the IDE is served; GET /graphql from a browser is sent here. */
export const IDE_PATH = '/graphiql';

interface AssetSource {
  /** The file's name under IDE_PATH/assets/, with the package version so a new version is a new URL. */
  readonly name: string;
  readonly type: string;
  /** The file's bytes: from an installed package, or the page's own script. */
  readonly load: () => Promise<Buffer>;
}

function vendored(pkg: string, file: string, type: string): AssetSource {
  const { version, load } = packageFile(pkg, file);
  const base = file.split('/').pop() ?? file;
  return { name: `${pkg}-${version}-${base}`, type, load };
}

const JS = 'text/javascript; charset=utf-8';

/** In the order the page loads them: React before ReactDOM before GraphiQL, the page's script last. */
function assetSources(): AssetSource[] {
  const script = Buffer.from(IDE_SCRIPT);
  const scriptHash = createHash('sha256').update(script).digest('hex').slice(0, 12);
  return [
    vendored('graphiql', 'graphiql.min.css', 'text/css; charset=utf-8'),
    vendored('react', 'umd/react.production.min.js', JS),
    vendored('react-dom', 'umd/react-dom.production.min.js', JS),
    vendored('graphql-ws', 'umd/graphql-ws.min.js', JS),
    vendored('graphiql', 'graphiql.min.js', JS),
    { name: `ide-${scriptHash}.js`, type: JS, load: () => Promise.resolve(script) },
  ];
}

interface LoadedAsset {
  readonly type: string;
  readonly body: Buffer;
  readonly gzipped: Buffer;
  readonly etag: string;
}

/**
 * Only the gateway itself: scripts and styles from its own files, requests to its own origin (HTTP and the
 * WebSocket). GraphiQL's editor and its style library add <style> elements, hence 'unsafe-inline' for styles
 * only; its fonts and icons are data: URLs inside its stylesheet.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function secure(res: Response): void {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(assets: readonly AssetSource[]): string {
  const url = (asset: AssetSource) => escapeHtml(`${IDE_PATH}/assets/${asset.name}`);
  const styles = assets.filter((a) => a.name.endsWith('.css'));
  const scripts = assets.filter((a) => a.name.endsWith('.js'));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Loyalty Gateway · GraphiQL</title>
${styles.map((a) => `<link rel="stylesheet" href="${url(a)}">`).join('\n')}
<style>html,body{height:100%;margin:0}body{display:flex;flex-direction:column;font:14px system-ui,sans-serif}
#note{margin:0;padding:6px 12px;background:#fff8e1;border-bottom:1px solid #e0c97f}#graphiql{flex:1;min-height:0}</style>
</head>
<body>
<p id="note" role="note">Every request needs a credential: put your API key or customer token in the <strong>Headers</strong>
tab as <code>{"Authorization": "Bearer &lt;key&gt;"}</code>. Queries and mutations send the headers over HTTP;
subscriptions send the same value as <code>connectionParams.authorization</code> over the WebSocket.
The headers are not saved. This page loads nothing from outside the gateway.</p>
<div id="graphiql">Loading…</div>
${scripts.map((a) => `<script src="${url(a)}"></script>`).join('\n')}
</body>
</html>
`;
}

/**
 * GraphiQL served from the installed packages, so the IDE works offline and talks to nothing but the gateway:
 * the page at IDE_PATH, its files under IDE_PATH/assets/ (cached for a year: a new version is a new name),
 * and GET /graphql from a browser sent to the page. Files are read on first request, not at start-up.
 */
export function graphiqlRoutes(): express.Router {
  const sources = assetSources();
  const html = Buffer.from(page(sources));
  const loaded = new Map<string, Promise<LoadedAsset>>();
  const load = (source: AssetSource): Promise<LoadedAsset> => {
    let asset = loaded.get(source.name);
    if (!asset) {
      asset = (async () => {
        const body = await source.load();
        const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
        return { type: source.type, body, gzipped: await gzipAsync(body), etag };
      })();
      // A failed read is tried again by the next request rather than cached.
      asset.catch(() => loaded.delete(source.name));
      loaded.set(source.name, asset);
    }
    return asset;
  };
  const byName = new Map(sources.map((source) => [source.name, source]));

  const router = express.Router();
  router.get(IDE_PATH, (_req: Request, res: Response) => {
    secure(res);
    res.setHeader('cache-control', 'no-cache');
    res.type('html').send(html);
  });
  router.get(`${IDE_PATH}/assets/:name`, async (req: Request, res: Response) => {
    const source = byName.get(String(req.params.name));
    if (!source) {
      res.status(404).type('text').send('Not found');
      return;
    }
    const asset = await load(source);
    secure(res);
    res.setHeader('content-type', asset.type);
    res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    res.setHeader('etag', asset.etag);
    res.setHeader('vary', 'accept-encoding');
    if (req.headers['if-none-match'] === asset.etag) {
      res.status(304).end();
      return;
    }
    if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
      res.setHeader('content-encoding', 'gzip');
      res.send(asset.gzipped);
    } else {
      res.send(asset.body);
    }
  });
  // What a browser opening the endpoint asks for; API clients send JSON and never match.
  router.get('/graphql', (req: Request, res: Response, next) => {
    if (req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html') {
      res.redirect(302, IDE_PATH);
      return;
    }
    next();
  });
  return router;
}
