import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import express from 'express';
import { type Browser, chromium, type Locator, type Page, type WebSocketRoute } from 'playwright-core';
import request from 'supertest';

import { CONSOLE_CSP, consoleRouter } from '../../src/console/console.route';
import { PublishProgramTermsDocument, UpsertBenefitDocument } from '../generated/graphql';
import {
  createCustomer,
  key,
  type KeyClient,
  type Program,
  program,
  purchase,
  record,
  startGateway,
  TcpProxy,
  type TestGateway,
  unique,
} from '../support';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
// Screenshots for docs/clients/console.md, only when asked: `CONSOLE_SCREENSHOTS=1 npx jest test/console`.
const SCREENSHOTS = process.env.CONSOLE_SCREENSHOTS ? join(__dirname, '..', '..', 'docs', 'clients', 'img') : undefined;

describe('the console route', () => {
  it('answers 503 with a hint to build when the page is not built', async () => {
    const app = express().use(consoleRouter({ pageDir: join(tmpdir(), `no-console-${unique()}`) }));
    const res = await request(app).get('/console');
    expect(res.status).toBe(503);
    expect(res.text).toMatch(/npm run build/);
    expect(res.text.trim().split('\n')).toHaveLength(1);
  });
});

if (!haveChromium && process.env.CI) {
  describe('the agent console in Chromium', () => {
    it('has a Chromium to run in', () => {
      throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium package or set CHROMIUM_PATH.`);
    });
  });
} else if (!haveChromium) {
  console.warn(`Skipping the console's browser tests: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH to run them).`);
}

(haveChromium ? describe : describe.skip)('the agent console in Chromium', () => {
  let gw: TestGateway;
  let origin: string;
  let browser: Browser;
  let p: Program;
  let agent: KeyClient;
  let pos: KeyClient;
  let customer: { id: string; email: string | null };
  let firstOrderId: string;

  beforeAll(async () => {
    // The page is what `npm run build` ships; built here so the test never runs against a stale one.
    execSync('npm run --silent build:console', { cwd: join(__dirname, '..', '..'), stdio: 'pipe' });
    gw = await startGateway();
    origin = new URL(gw.url).origin;
    p = await program(gw);
    agent = await p.tenant.agent();
    pos = await p.tenant.pos(p.north.id);
    customer = await createCustomer(p.tenant.owner, {
      displayName: 'Ada Lovelace',
      email: `ada-${unique()}@example.com`,
      phone: '+33612345678',
    });
    const first = purchase(customer.id, p.north.id, [{ sku: 'TEA', quantity: 2, unitPrice: 1250 }]);
    firstOrderId = first.orderId;
    await record(p, first, pos);
    await p.tenant.owner.data(UpsertBenefitDocument, {
      input: {
        tierId: p.tiers.SILVER,
        code: 'SHIP',
        kind: 'FREE_SHIPPING',
        title: 'Free shipping',
        channels: ['AGENT', 'WEB'],
        texts: [{ channel: 'AGENT', text: 'Free shipping on phone orders' }],
      },
    });
    await p.tenant.owner.data(PublishProgramTermsDocument, {
      input: {
        kind: 'AGENT_SCRIPT',
        channel: 'AGENT',
        locale: 'en',
        title: 'Greeting',
        body: 'Thank the member for calling.\n\nConfirm their points balance before any change.',
        idempotencyKey: key(),
      },
    });
    // launch() gives the browser a fresh temporary profile (its --user-data-dir), removed on close.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await gw?.close();
  });

  /** A fresh tab recording every URL it asks for (HTTP and WebSocket) and every full page load. */
  async function openTab(width = 1280, height = 900) {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'en-GB' });
    const page = await context.newPage();
    const urls: string[] = [];
    const consoleErrors: string[] = [];
    let loads = 0;
    page.on('request', (req) => urls.push(req.url()));
    page.on('websocket', (ws) => urls.push(ws.url()));
    page.on('load', () => (loads += 1));
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    return { context, page, urls, consoleErrors, loads: () => loads };
  }

  async function signIn(page: Page, secret: string): Promise<void> {
    await page.getByLabel('Agent API key').fill(secret);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('serves the page with a strict Content-Security-Policy and the vendor file from this origin', async () => {
    const page = await request(gw.url).get('/console');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONSOLE_CSP);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.text).toContain('/console/main.js');
    // The vendor file is cached long, so its URL names the installed version: a new version is a new URL.
    const { version } = JSON.parse(readFileSync(require.resolve('graphql-ws/package.json'), 'utf8')) as {
      version: string;
    };
    const vendorPath = `/console/vendor/graphql-ws-${version}.min.js`;
    expect(page.text).toContain(`<script src="${vendorPath}" defer></script>`);
    expect(page.text).not.toContain('/console/vendor/graphql-ws.min.js');
    const vendor = await request(gw.url).get(vendorPath);
    expect(vendor.status).toBe(200);
    expect(vendor.headers['content-type']).toMatch(/javascript/);
    expect(vendor.headers['cache-control']).toMatch(/immutable/);
    expect(vendor.text).toContain('graphqlWs');
    expect((await request(gw.url).get('/console/vendor/graphql-ws.min.js')).status).toBe(404);
    const module = await request(gw.url).get('/console/main.js');
    expect(module.status).toBe(200);
    expect(module.headers['content-type']).toMatch(/javascript/);
  });

  it('serves nothing outside the page folder, whatever the raw path says', async () => {
    // Sent as written: an HTTP client library would resolve the dot segments before sending.
    for (const path of [
      '/console/../package.json',
      '/console/%2e%2e/package.json',
      '/console/%2E%2E/%2e%2e/package.json',
    ]) {
      const res = await rawGet(gw.url, path);
      expect({ path, status: res.status }).not.toEqual({ path, status: 200 });
      expect(res.body).not.toContain('"devDependencies"');
    }
  });

  it('shows a bad key as an error with its code, and signs in with a good one', async () => {
    const tab = await openTab();
    try {
      await tab.page.goto(`${gw.url}/console`);
      await signIn(tab.page, 'lg_not-a-real-key');
      await untilText(tab.page.locator('#sign-in-error'), /UNAUTHENTICATED/);
      expect(await tab.page.locator('#workspace').isHidden()).toBe(true);

      await signIn(tab.page, agent.secret);
      await tab.page.locator('#workspace').waitFor({ state: 'visible' });
      expect(tab.page.url()).not.toContain(agent.secret);
      expect(tab.urls.every((url) => !url.includes(agent.secret))).toBe(true);
      expect(tab.consoleErrors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
    } finally {
      await tab.context.close();
    }
  });

  it('finds the customer, opens them, and updates balance, version and timeline live when the POS sells', async () => {
    const tab = await openTab();
    const { page } = tab;
    try {
      await page.goto(`${gw.url}/console`);
      await signIn(page, agent.secret);
      await page.getByLabel('Email, phone or name').fill(customer.email!.slice(0, 10));
      await page.getByRole('button', { name: 'Search' }).click();
      const result = page.locator('#search-results a', { hasText: 'Ada Lovelace' });
      await result.waitFor();
      if (SCREENSHOTS) {
        mkdirSync(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: join(SCREENSHOTS, 'console-search.png') });
      }
      await result.click();
      await page.locator('#customer').waitFor({ state: 'visible' });
      await untilText(page.locator('#connection'), /^Live$/);
      expect(page.url()).toBe(`${gw.url}/console#customer=${customer.id}`);

      const before = await stateOf(agent, customer.id);
      await untilText(page.locator('#tier-name'), /^BASE$/);
      await untilText(page.locator('#benefits'), /No benefits on this channel/);
      expect(await page.locator('#state-version').textContent()).toBe(String(before.version));
      expect(await page.locator('#customer-name').textContent()).toBe('Ada Lovelace');
      await untilText(page.locator('#script'), /Thank the member for calling/);
      await untilText(page.locator('#timeline'), new RegExp(`Purchase ${firstOrderId}`));

      // Anything that reloaded or navigated the page would lose this marker.
      await page.evaluate('window.consoleMarker = "still here"');
      const loads = tab.loads();
      let navigations = 0;
      page.on('framenavigated', () => (navigations += 1));

      const sale = purchase(customer.id, p.north.id, [{ sku: 'CAKE', quantity: 1, unitPrice: 10_000 }]);
      await record(p, sale, pos);
      const after = await stateOf(agent, customer.id);
      expect(after.version).toBeGreaterThan(before.version);

      await untilText(page.locator('#state-version'), new RegExp(`^${after.version}$`));
      await untilText(page.locator('#balance-available'), pointsText(after.balance.available));
      await untilText(page.locator('#balance-pending'), pointsText(after.balance.pending));
      // Newest first, above what was there.
      await untilText(page.locator('#timeline'), new RegExp(`Purchase ${sale.orderId}.*Purchase ${firstOrderId}`));
      // The tier comes with the push, its progress is read again after it: 12,500 of spend this year is Silver.
      await untilText(page.locator('#tier-name'), /^SILVER$/);
      await untilText(page.locator('#tier-details'), /of the way to GOLD/);
      await untilText(page.locator('#benefits'), /Free shipping on phone orders/);
      await untilText(page.locator('#announcer'), new RegExp(`version ${after.version}`), false);

      expect(await page.evaluate('window.consoleMarker')).toBe('still here');
      expect(tab.loads()).toBe(loads);
      expect(navigations).toBe(0);

      await page.getByRole('button', { name: 'I have read this script' }).click();
      await untilText(page.locator('#script-acknowledged'), /^Acknowledged/);

      if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'console-customer.png'), fullPage: true });

      for (const url of tab.urls) expect(new URL(url).host).toBe(new URL(origin).host);
      expect(tab.urls.some((url) => url.startsWith('ws://'))).toBe(true);
      expect(tab.consoleErrors).toEqual([]);
    } finally {
      await tab.context.close();
    }
  }, 60_000);

  it('reconnects after the network drops and catches up by version, without a reload', async () => {
    // The page reaches the gateway through a proxy the test cuts; the POS keeps selling meanwhile.
    const proxy = new TcpProxy({ host: '127.0.0.1', port: Number(new URL(gw.url).port) });
    await proxy.start();
    const tab = await openTab();
    const { page } = tab;
    try {
      await page.goto(`http://127.0.0.1:${proxy.port}/console#customer=${customer.id}`);
      await signIn(page, agent.secret);
      await untilText(page.locator('#connection'), /^Live$/);
      await page.evaluate('window.consoleMarker = "still here"');
      const loads = tab.loads();

      await proxy.stop();
      await untilText(page.locator('#connection'), /Reconnecting/);
      const sales = [
        purchase(customer.id, p.north.id, [{ sku: 'JAM', quantity: 1, unitPrice: 700 }]),
        purchase(customer.id, p.north.id, [{ sku: 'BREAD', quantity: 1, unitPrice: 300 }]),
      ];
      for (const sale of sales) await record(p, sale, pos);
      const after = await stateOf(agent, customer.id);
      await proxy.start();

      await untilText(page.locator('#connection'), /^Live$/, true, 15_000);
      await untilText(page.locator('#state-version'), new RegExp(`^${after.version}$`));
      await untilText(page.locator('#balance-available'), pointsText(after.balance.available));
      // The timeline has no version to resume from: read again after the reconnect.
      await untilText(
        page.locator('#timeline'),
        new RegExp(`Purchase ${sales[1].orderId}.*Purchase ${sales[0].orderId}`),
      );
      expect(await page.evaluate('window.consoleMarker')).toBe('still here');
      expect(tab.loads()).toBe(loads);
    } finally {
      await tab.context.close();
      await proxy.stop();
    }
  }, 60_000);

  it('keeps one live connection when customers are opened in quick succession', async () => {
    const other = await createCustomer(p.tenant.owner, { displayName: 'Grace Hopper' });
    const tab = await openTab();
    const { page } = tab;
    let openSockets = 0;
    page.on('websocket', (ws) => {
      openSockets += 1;
      ws.on('close', () => (openSockets -= 1));
    });
    try {
      await page.goto(`${gw.url}/console`);
      await signIn(page, agent.secret);
      await page.locator('#workspace').waitFor({ state: 'visible' });
      // Slow reads, so the three opens below are all waiting for their answers at once.
      await page.route('**/graphql', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await route.continue();
      });
      const [a, b] = [JSON.stringify(`#customer=${customer.id}`), JSON.stringify(`#customer=${other.id}`)];
      await page.evaluate(
        `location.hash = ${a}; setTimeout(() => { location.hash = ${b}; setTimeout(() => { location.hash = ${a}; }, 50); }, 50)`,
      );
      await untilText(page.locator('#customer-name'), /^Ada Lovelace$/);
      await untilText(page.locator('#connection'), /^Live$/);
      // Time for any other open to have connected too.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(openSockets).toBe(1);
      expect(await page.locator('#customer-name').textContent()).toBe('Ada Lovelace');
    } finally {
      await tab.context.close();
    }
  }, 30_000);

  it('subscribes again from the last version when the gateway ends the state feed, and stops on FORBIDDEN', async () => {
    const tab = await openTab();
    const { page } = tab;
    // Between the page and the gateway, to end the page's loyaltyStateChanged subscription as the gateway could.
    const stateSubscriptions: { id: string; sinceVersion: unknown }[] = [];
    let toPage: WebSocketRoute | undefined;
    let toServer: WebSocketRoute | undefined;
    await page.routeWebSocket(/\/graphql$/, (ws) => {
      const server = ws.connectToServer();
      [toPage, toServer] = [ws, server];
      ws.onMessage((message) => {
        const parsed = JSON.parse(String(message)) as {
          id?: string;
          type: string;
          payload?: { query: string; variables?: Record<string, unknown> };
        };
        if (parsed.type === 'subscribe' && parsed.payload?.query.includes('loyaltyStateChanged'))
          stateSubscriptions.push({ id: parsed.id!, sinceVersion: parsed.payload.variables?.sinceVersion });
        server.send(message);
      });
    });
    /** Ends subscription `id` at the gateway and tells the page it ended with `message`. */
    const end = (id: string, message: object) => {
      toServer!.send(JSON.stringify({ id, type: 'complete' }));
      toPage!.send(JSON.stringify({ id, ...message }));
    };
    try {
      await page.goto(`${gw.url}/console#customer=${customer.id}`);
      await signIn(page, agent.secret);
      await untilText(page.locator('#connection'), /^Live$/);
      expect(stateSubscriptions).toHaveLength(1);
      const shown = Number(await page.locator('#state-version').textContent());

      end(stateSubscriptions[0].id, { type: 'complete' });
      await untilText(page.locator('#connection'), /Reconnecting/);
      await until(() => stateSubscriptions.length === 2);
      expect(stateSubscriptions[1].sinceVersion).toBe(shown);
      await untilText(page.locator('#connection'), /^Live$/);
      // The new subscription carries the pushes.
      await record(p, purchase(customer.id, p.north.id, [{ sku: 'SCONE', quantity: 1, unitPrice: 400 }]), pos);
      const after = await stateOf(agent, customer.id);
      await untilText(page.locator('#state-version'), new RegExp(`^${after.version}$`));

      end(stateSubscriptions[1].id, {
        type: 'error',
        payload: [{ message: 'Not for this key.', extensions: { code: 'FORBIDDEN' } }],
      });
      await untilText(page.locator('#connection'), /^Not live \(FORBIDDEN: Not for this key\.\)$/);
      // Longer than the first back-off (at most 1 s): asking again would get the same answer.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(stateSubscriptions).toHaveLength(2);
      expect(await page.locator('#connection').textContent()).toMatch(/^Not live \(FORBIDDEN/);
    } finally {
      await tab.context.close();
    }
  }, 60_000);

  it('does not draw a read answered with an older version than a push already showed', async () => {
    const tab = await openTab();
    const { page } = tab;
    try {
      await page.goto(`${gw.url}/console#customer=${customer.id}`);
      await signIn(page, agent.secret);
      await untilText(page.locator('#connection'), /^Live$/);
      // From now on the details read after a push answers as if it were older than the push, with a mark.
      let staleReads = 0;
      await page.route('**/graphql', async (route) => {
        if (!route.request().postData()?.includes('ConsoleLoyaltyDetails')) return route.continue();
        const response = await route.fetch();
        const body = (await response.json()) as {
          data: { loyaltyState: { version: number }; customer: { balance: { expiringPoints: number } } };
        };
        body.data.loyaltyState.version -= 1000;
        body.data.customer.balance.expiringPoints = 987_654;
        staleReads += 1;
        await route.fulfill({ response, json: body });
      });
      await record(p, purchase(customer.id, p.north.id, [{ sku: 'TART', quantity: 1, unitPrice: 500 }]), pos);
      const after = await stateOf(agent, customer.id);
      await untilText(page.locator('#state-version'), new RegExp(`^${after.version}$`));
      await until(() => staleReads > 0);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await page.locator('#balance-expiring').textContent()).not.toMatch(/987/);
      expect(await page.locator('#state-version').textContent()).toBe(String(after.version));
    } finally {
      await tab.context.close();
    }
  }, 30_000);

  it('opens a customer from a #customer= link and keeps the session over a reload, on a phone-sized screen', async () => {
    const tab = await openTab(390, 844);
    const { page } = tab;
    try {
      await page.goto(`${gw.url}/console#customer=${customer.id}`);
      await signIn(page, agent.secret);
      await untilText(page.locator('#customer-name'), /^Ada Lovelace$/);
      await page.reload();
      await untilText(page.locator('#customer-name'), /^Ada Lovelace$/);
      expect(await page.locator('#sign-in').isHidden()).toBe(true);
      if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'console-phone.png'), fullPage: true });
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.locator('#sign-in').waitFor({ state: 'visible' });
      expect(await page.evaluate('sessionStorage.length')).toBe(0);
    } finally {
      await tab.context.close();
    }
  });
});

/** GET with the path exactly as given (no dot-segment resolution, no re-encoding). */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Waits (5 s) until `condition` holds. */
async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The state as the API answers it, to compare the page with. */
async function stateOf(caller: KeyClient, customerId: string) {
  const { loyaltyState } = await caller.data(
    `query ($id: ID!) { loyaltyState(customerId: $id) { version balance { available pending } } }`,
    { id: customerId },
  );
  return loyaltyState as { version: number; balance: { available: number; pending: number } };
}

/** How the page writes a number of points (en-GB grouping in the test's browser). */
function pointsText(n: number): RegExp {
  return new RegExp(`^${new Intl.NumberFormat('en-GB').format(n)} pts$`);
}

/** Waits (5 s by default) until the element shows text matching `pattern`; `visible` false for screen-reader-only text. */
async function untilText(locator: Locator, pattern: RegExp, visible = true, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = (await locator.textContent({ timeout: 1000 }).catch(() => '')) ?? '';
    if (pattern.test(text) && (!visible || (await locator.isVisible()))) return;
    if (Date.now() > deadline) throw new Error(`expected text matching ${pattern}, got "${text}"`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
