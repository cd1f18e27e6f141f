/**
 * The console's Bridges pages in a real Chromium against the API of the API tests
 * (src/server/testing/harness.ts: real PostgreSQL, the real event hub and bridge store, and
 * `fake-chat`, a chat connector kept in memory, since no built-in chat connector is registered
 * yet): a bridge refused beside its field (the same channel on both sides), then created, listed
 * with both ends and a push subscription's expiry, opened, paused and resumed, its empty ledger
 * explained, and deleted after a confirmation. A screenshot of each step goes to
 * test-artifacts/console-bridges/.
 *
 * The chat connections are made through the API, so the browser time goes to the pages under test.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BridgeStore } from '../../src/hub/index.js';
import { ConnectorRegistry } from '../../src/registry/index.js';
import { startApiHarness, type ApiHarness } from '../../src/server/testing/harness.js';
import { buildConsoleInto, startConsoleFront } from '../support/console-front.js';

const ARTIFACTS = resolve('test-artifacts/console-bridges');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BRIDGE = 'Support ⇄ Partner';

describe('the console bridges pages', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'forge-console-bridges-'));
  chmodSync(dataDir, 0o755);
  let h: ApiHarness;
  let front: { url: string; close(): Promise<void> };
  let browser: BrowserContext;
  let page: Page;
  let ws: string;
  let key: string;
  const problems: string[] = [];

  beforeAll(async () => {
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    const dist = join(dataDir, 'console');
    // The three slow starts overlap: the API, the console build and Chromium.
    const [harness, , context] = await Promise.all([
      startApiHarness(),
      buildConsoleInto(dist),
      chromium.launchPersistentContext(join(dataDir, 'chromium'), {
        executablePath: CHROMIUM, headless: true, viewport: { width: 1400, height: 1000 },
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      }),
    ]);
    h = harness;
    browser = context;
    const apiUrl = await h.app.listen({ port: 0, host: '127.0.0.1' });
    front = await startConsoleFront(dist, apiUrl);
    key = h.a.orgAdminKey;
    ws = `/api/v1/workspaces/${h.a.workspaceId}`;

    // Two chat connections, and a CRM connection the bridge form must not offer.
    for (const name of ['Support chat', 'Partner chat']) {
      const chat = await h.call(key, 'POST', `${ws}/connections`, { connectorId: 'fake-chat', name, config: {}, credentials: { token: `${name}-bot`, signingSecret: `${name}-signing` } });
      expect(chat.status, chat.text).toBe(201);
    }
    const crm = await h.call(key, 'POST', `${ws}/connections`, { connectorId: 'fake', name: 'Tenant A CRM', config: { subdomain: 'tenant-a' }, credentials: { apiKey: 'good-key' } });
    expect(crm.status, crm.text).toBe(201);

    page = browser.pages()[0] ?? await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // Chromium logs every refused fetch itself; the form shows that answer on purpose.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
    });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await front?.close();
    await h?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  // From the top; a full-page shot (slow: it resizes the viewport) only when the page is taller than the window.
  const shot = async (name: string) => {
    const taller = await page.evaluate(() => { window.scrollTo(0, 0); return document.documentElement.scrollHeight > window.innerHeight; });
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: taller });
  };
  const heading = (text: string | RegExp) => page.getByRole('heading', { level: 1, name: text });
  const fieldError = (control: string) => page.locator('.field-invalid').filter({ has: page.locator(control) }).locator('.field-error');
  const bridges = async () => (await h.call(key, 'GET', `${ws}/bridges`)).body.items as Array<{ id: string; name: string; enabled: boolean }>;

  it('refuses a bridge beside its field, creates, lists, opens, pauses, resumes and deletes one', async () => {
    await page.goto(`${front.url}/bridges`);
    await page.getByLabel('API key').fill(key);
    await page.getByLabel('API key').press('Enter');

    // The nav entry sits next to Automations; nothing bridged yet.
    await heading('Bridges').waitFor();
    const automate = page.getByRole('navigation', { name: 'Main' }).locator('.nav-section').filter({ hasText: 'Automate' });
    await expect(automate.getByRole('link').allTextContents()).resolves.toEqual(['Automations', 'Bridges']);
    await expect(automate.getByRole('link', { name: 'Bridges' }).getAttribute('aria-current')).resolves.toBe('page');
    await page.getByRole('heading', { name: 'No bridges yet' }).waitFor();
    await shot('01-bridges-empty');

    // The form offers the chat connections only, by name and connector.
    await page.getByRole('link', { name: 'New bridge' }).first().click();
    await heading('New bridge').waitFor();
    await page.locator('#bridge-a-connection').waitFor();
    await expect(page.locator('#bridge-a-connection option').allTextContents()).resolves.toEqual(['Partner chat (Fake Chat)', 'Support chat (Fake Chat)']);

    // The same channel on both sides: the API refuses it, beside side B's channel, which gets the focus.
    await page.locator('#bridge-name').fill(BRIDGE);
    await page.locator('#bridge-a-connection').selectOption({ label: 'Support chat (Fake Chat)' });
    await page.locator('#bridge-a-channel').fill('C-support');
    await page.locator('#bridge-b-connection').selectOption({ label: 'Support chat (Fake Chat)' });
    await page.locator('#bridge-b-channel').fill('C-support');
    await page.getByRole('button', { name: 'Create bridge' }).click();
    await expect(fieldError('#bridge-b-channel').textContent()).resolves.toBe('a bridge joins two different channels');
    await expect(page.locator('#bridge-b-channel').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('bridge-b-channel');
    await page.getByText('Some fields need attention.').waitFor();
    expect(await bridges()).toEqual([]);
    await shot('02-bridge-refused');

    // Fixed from the keyboard: the focused channel retyped, the other connection chosen, Enter submits.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('C-partner');
    await page.keyboard.press('Shift+Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('bridge-b-connection');
    await page.locator('#bridge-b-connection').selectOption({ label: 'Partner chat (Fake Chat)' });
    await page.locator('#bridge-b-channel').press('Enter');

    // Listed with both ends as "connection · channel" and their connector.
    await page.getByText(`Created “${BRIDGE}”.`).waitFor();
    const [created] = await bridges();
    expect(created).toMatchObject({ name: BRIDGE, enabled: true });
    // The hub stores a push subscription for vendors that need one (Graph); fake-chat needs none, so one is put by hand.
    await new BridgeStore(h.database.pool, new ConnectorRegistry()).saveSubscription(created!.id, 'b', { id: 'sub-1', expiresAt: new Date(Date.now() + 2 * 86_400_000 + 60_000).toISOString() });
    await page.reload();
    const row = page.getByRole('table', { name: 'Bridges of this workspace' }).getByRole('row').filter({ hasText: BRIDGE });
    await row.getByText('subscription expires in 2 days').waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells).toEqual([BRIDGE, 'Support chat · C-supportFake Chat', 'Partner chat · C-partnerFake Chat · subscription expires in 2 days', 'active']);
    await shot('03-bridge-listed');

    // Opened: the ends, and a ledger that explains why it is empty.
    await row.getByRole('link', { name: BRIDGE }).click();
    await heading(BRIDGE).waitFor();
    const ends = page.getByRole('region', { name: 'Ends' });
    await expect(ends.textContent()).resolves.toMatch(/Side A\s*Support chat · C-support\s*Fake Chat.*Side B\s*Partner chat · C-partner\s*Fake Chat · subscription expires in 2 days/);
    const ledger = page.getByRole('region', { name: 'Recent messages' });
    await ledger.getByRole('heading', { name: 'No messages have crossed yet' }).waitFor();
    await expect(ledger.textContent()).resolves.toContain('Messages appear here once people write in either channel');
    await shot('04-bridge-detail');

    // Paused and resumed.
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByText(`“${BRIDGE}” is paused`).waitFor();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    await expect(heading(BRIDGE).locator('.badge').textContent()).resolves.toBe('paused');
    expect((await bridges())[0]).toMatchObject({ enabled: false });
    await shot('05-bridge-paused');
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByText(`“${BRIDGE}” is active again`).waitFor();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await expect(heading(BRIDGE).locator('.badge').textContent()).resolves.toBe('active');
    expect((await bridges())[0]).toMatchObject({ enabled: true });

    // Deleted after a second question, whose safe answer has the focus.
    await page.getByRole('button', { name: 'Delete bridge…' }).click();
    await page.getByRole('group', { name: `Delete “${BRIDGE}”?` }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Cancel');
    await shot('06-bridge-delete-confirm');
    await page.getByRole('button', { name: 'Delete bridge', exact: true }).click();
    await page.getByText(`Deleted “${BRIDGE}”.`).waitFor();
    await page.getByRole('heading', { name: 'No bridges yet' }).waitFor();
    expect(await bridges()).toEqual([]);
    await shot('07-bridge-deleted');

    expect(problems).toEqual([]);
  }, 60_000);
});
