import { existsSync } from 'node:fs';

import { type Browser, chromium } from 'playwright-core';
import request from 'supertest';

import { createCustomer, createTenant, startGateway, type TenantFixture, type TestGateway } from '../support';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let gw: TestGateway;
let tenant: TenantFixture;

beforeAll(async () => {
  gw = await startGateway({ env: { LANDING_PAGE: 'true' } });
  tenant = await createTenant(gw);
});
afterAll(() => gw.close());

/** Every URL the page's src and href attributes name. */
function referencesOf(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
}

/** http(s) and ws(s) URLs in a text. */
function absoluteUrls(text: string): string[] {
  return [...text.matchAll(/\b(?:https?|wss?):\/\/[^\s"'`)<]+/g)].map((match) => match[0]);
}

describe('the GraphQL IDE (GraphiQL, offline)', () => {
  it('serves the page with a strict Content-Security-Policy and the Authorization header explained', async () => {
    const res = await request(gw.url).get('/graphiql');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toMatch(/https?:|\*/);
    expect(res.text).toContain('<strong>Headers</strong>');
    expect(res.text).toContain('{"Authorization": "Bearer &lt;key&gt;"}');
    expect(res.text).toContain('connectionParams.authorization');
    // No inline script: only <script src=...> from the gateway.
    expect(res.text).not.toMatch(/<script>/);
    expect(absoluteUrls(res.text)).toEqual([]);
  });

  it('serves every file the page references from the gateway, cached for long, and loads nothing from outside', async () => {
    const html = (await request(gw.url).get('/graphiql')).text;
    const refs = referencesOf(html);
    const expected = [
      /^\/graphiql\/assets\/graphiql-3\.\d+\.\d+-graphiql\.min\.css$/,
      /^\/graphiql\/assets\/react-18\.\d+\.\d+-react\.production\.min\.js$/,
      /^\/graphiql\/assets\/react-dom-18\.\d+\.\d+-react-dom\.production\.min\.js$/,
      /^\/graphiql\/assets\/graphql-ws-6\.\d+\.\d+-graphql-ws\.min\.js$/,
      /^\/graphiql\/assets\/graphiql-3\.\d+\.\d+-graphiql\.min\.js$/,
      /^\/graphiql\/assets\/ide-[0-9a-f]{12}\.js$/,
    ];
    expect(refs).toHaveLength(expected.length);
    refs.forEach((ref, i) => expect(ref).toMatch(expected[i]));
    for (const ref of refs) {
      const res = await request(gw.url).get(ref).buffer(true);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(
        ref.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
      );
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['content-encoding']).toBe('gzip');
      const body = res.text;
      expect(body.length).toBeGreaterThan(1000);
      if (ref.endsWith('.css')) {
        // The stylesheet's fonts and icons are inline: nothing to fetch.
        const urls = [...body.matchAll(/url\(\s*["']?([^"')]+)/g)].map((m) => m[1]);
        expect(urls.filter((url) => !url.startsWith('data:'))).toEqual([]);
        expect(body).not.toMatch(/@import/);
      }
      if (/\/ide-/.test(ref)) expect(absoluteUrls(body)).toEqual([]);
      const again = await request(gw.url).get(ref).set('if-none-match', String(res.headers.etag));
      expect(again.status).toBe(304);
    }
    expect((await request(gw.url).get('/graphiql/assets/nope.js')).status).toBe(404);
  });

  it('sends a browser opening /graphql to the IDE, and leaves API requests alone', async () => {
    const browser = await request(gw.url)
      .get('/graphql')
      .set('accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8');
    expect(browser.status).toBe(302);
    expect(browser.headers.location).toBe('/graphiql');
    const api = await request(gw.url).get('/graphql?query=%7B__typename%7D').set('accept', 'application/json');
    expect(api.status).not.toBe(302);
    expect(api.type).toBe('application/json');
    expect((await gw.anonymous.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('is not served when LANDING_PAGE is off', async () => {
    const off = await startGateway({ env: { LANDING_PAGE: 'false' } });
    try {
      expect((await request(off.url).get('/graphiql')).status).toBe(404);
      // The asset the page would reference when on, at the installed version.
      const asset = referencesOf((await request(gw.url).get('/graphiql')).text).find((ref) => ref.endsWith('.js'))!;
      expect((await request(gw.url).get(asset)).status).toBe(200);
      expect((await request(off.url).get(asset)).status).toBe(404);
      const page = await request(off.url).get('/graphql').set('accept', 'text/html');
      expect(page.status).not.toBe(302);
      expect(page.text).not.toMatch(/<html/i);
    } finally {
      await off.close();
    }
  });
});

const withChromium = existsSync(CHROMIUM) ? describe : describe.skip;

withChromium('the GraphQL IDE in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    // playwright gives the browser a fresh profile of its own.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs a query over HTTP and a subscription over the WebSocket with the key from the headers editor, requesting nothing outside the gateway', async () => {
    const customer = await createCustomer(tenant.owner);
    const page = await browser.newPage();
    const requested: string[] = [];
    const refusedByPolicy: string[] = [];
    page.on('request', (req) => requested.push(req.url()));
    page.on('websocket', (socket) => requested.push(socket.url()));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refusedByPolicy.push(message.text());
    });
    try {
      await page.goto(`${gw.url}/graphiql`);
      await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
      const headersEditor = page.locator('.graphiql-editor-tool .graphiql-editor').last();
      await expect(headersEditor.innerText()).resolves.toContain('Bearer <your API key or customer token>');

      /** Replaces an editor's text as a paste would (no auto-closed brackets), then runs it. */
      const replace = async (editor: ReturnType<typeof page.locator>, text: string) => {
        await editor.locator('.CodeMirror').click();
        await page.keyboard.press('Control+A');
        await page.keyboard.insertText(text);
      };
      const run = () => page.locator('.graphiql-execute-button').click();
      const resultShows = (text: string) =>
        page.locator('.result-window', { hasText: text }).waitFor({ timeout: 10_000 });

      await replace(headersEditor, `{"Authorization": "Bearer ${tenant.owner.secret}"}`);
      const queryEditor = page.locator('.graphiql-query-editor');
      await replace(queryEditor, `{ customer(id: "${customer.id}") { profileRevision } }`);
      await run();
      await resultShows('"profileRevision": 1');

      await replace(queryEditor, `subscription { customerUpdated(customerId: "${customer.id}") { profileRevision } }`);
      await run();
      await new Promise((r) => setTimeout(r, 500));
      await tenant.owner.data(
        `mutation ($id: ID!) { updateCustomer(input: { id: $id, displayName: "Live" }) { id } }`,
        {
          id: customer.id,
        },
      );
      await resultShows('"profileRevision": 2');

      const origin = new URL(gw.url);
      const own = (url: string) => new URL(url).host === origin.host && /^(https?|wss?):$/.test(new URL(url).protocol);
      expect(requested.filter((url) => !url.startsWith('data:') && !own(url))).toEqual([]);
      expect(requested.some((url) => url.startsWith('ws'))).toBe(true);
      expect(refusedByPolicy).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
