/**
 * The console's admin pages in a real Chromium against the real platform (embedded PostgreSQL,
 * workers, the HubSpot sandbox, a loopback partner API behind a JSON HTTP connector):
 * automations (a bad cron refused beside its field, a schedule created, listed and disabled, a
 * webhook whose token is shown once and whose call shows up as a run), a dead letter replayed,
 * a connection re-authorised, its schedule edited and finally deleted, a CSV load dry-run, and a
 * member and an API key (shown once) created in settings. A screenshot of each step goes to
 * test-artifacts/console-admin/.
 *
 * What needs no browser (the org, the connection, a sync that rejects records) is set up through
 * the API, so the browser time goes to the pages under test.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox, SandboxFactory } from '../../src/cli/sandbox.js';
import { servePlatform, type RunningPlatform } from '../../src/cli/serve.js';
import { buildConsoleInto, startConsoleFront } from '../support/console-front.js';
import { json, startScriptedServer, type ScriptedServer } from '../support/http-server.js';

const ADMIN_KEY = 'fw_console_admin_e2e_key_0123456789';
const ARTIFACTS = resolve('test-artifacts/console-admin');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CONNECTION = 'HubSpot sandbox';

// Answers are JSON of many shapes; the test reads what it asserts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

describe('the console admin pages', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'forge-console-admin-'));
  chmodSync(dataDir, 0o755);
  let platform: RunningPlatform;
  let front: { url: string; close(): Promise<void> };
  let hubspot: RunningSandbox;
  let partner: ScriptedServer;
  let browser: BrowserContext;
  let page: Page;
  let workspaceId: string;
  let connectionId: string;
  const problems: string[] = [];

  const call = async (method: string, path: string, body?: unknown, key = ADMIN_KEY): Promise<{ status: number; body: Body }> => {
    const res = await fetch(`${platform.url}${path}`, {
      method, headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const until = async (what: string, check: () => Promise<boolean>, ms = 20_000) => {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const ws = () => `/api/v1/workspaces/${workspaceId}`;
  const conn = () => `${ws()}/connections/${connectionId}`;
  /** No sync of the connection queued or running (the scheduler starts one right after connecting). */
  const syncsIdle = async () => ((await call('GET', `${ws()}/runs?connectionId=${connectionId}&limit=50`)).body.items as Body[]).every((r) => r.status !== 'queued' && r.status !== 'running');

  beforeAll(async () => {
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    const dist = join(dataDir, 'console');
    // The three slow starts overlap: the platform, the console build and Chromium.
    const [started, , context] = await Promise.all([
      servePlatform({ port: 0, host: '127.0.0.1' }, { FORGE_DATA_DIR: join(dataDir, 'forge'), FORGE_ADMIN_KEY: ADMIN_KEY, FORGE_SANDBOX_EGRESS: '1', LOG_LEVEL: 'warn' }),
      buildConsoleInto(dist),
      chromium.launchPersistentContext(join(dataDir, 'chromium'), {
        executablePath: CHROMIUM, headless: true, viewport: { width: 1400, height: 1000 },
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      }),
    ]);
    platform = started;
    browser = context;
    front = await startConsoleFront(dist, platform.url);
    partner = await startScriptedServer((_req, res) => json(res, 200, { ok: true }));
    hubspot = await (platform.runtime.registry.get('hubspot').sandbox as SandboxFactory)({});

    const org = await call('POST', '/api/v1/orgs', { name: 'Acme' });
    workspaceId = (await call('POST', `/api/v1/orgs/${org.body.id}/workspaces`, { name: 'Production' })).body.id;
    const created = await call('POST', `${ws()}/connections`, {
      connectorId: 'hubspot', name: CONNECTION, authMethod: 'private_app', config: {}, credentials: { token: hubspot.credentials.token }, sandboxBaseUrl: hubspot.baseUrl,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    connectionId = created.body.id;
    // Only contacts syncs here: the other streams are paused, so no scheduled run holds a lease when the test replays or deletes.
    for (const object of ['companies', 'notes']) expect((await call('PATCH', `${conn()}/streams/${object}`, { enabled: false })).status).toBe(200);
    // A mapping that makes every contact's email its numeric id: the full sync rejects them into dead letters.
    expect((await call('PUT', `${conn()}/streams/contacts/mapping`, { mapping: [{ target: 'email', source: 'id' }] })).status).toBe(200);
    let run: Body;
    await until('the full sync to start', async () => {
      run = await call('POST', `${conn()}/streams/contacts/runs`, { mode: 'full' });
      return run.status === 202;
    });
    await until('the full sync to finish', async () => ['succeeded', 'failed'].includes((await call('GET', `${ws()}/runs/${run.body.id}`)).body.status));
    expect((await call('GET', `${ws()}/runs/${run.body.id}`)).body.stats.errors).toBeGreaterThan(0);
    expect((await call('PUT', `${conn()}/streams/contacts/mapping`, { mapping: null })).status).toBe(200);

    // The platform tier: a JSON connector whose calls go to the loopback partner.
    const registered = await call('POST', '/admin/connector', {
      connector_id: 'partner-ping', display_name: 'Partner ping', auth_type: 'none', allowed_domains: ['hooks.partner.example'], sandbox_base_url: partner.url,
      actions: [{ action_id: 'ping', http_method: 'POST', url_template: 'https://hooks.partner.example/v1/ping/{item}', description: 'Tell the partner', body_schema: { type: 'object', required: ['item'] } }],
    });
    expect(registered.status).toBe(201);

    page = browser.pages()[0] ?? await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // Chromium logs every refused fetch itself; the console shows those answers on purpose.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
    });
    page.on('dialog', (dialog) => void dialog.accept());
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await hubspot?.stop();
    await partner?.close();
    await front?.close();
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  // From the top; a full-page shot (slow: it resizes the viewport) only when the page is taller than the window.
  const shot = async (name: string) => {
    const taller = await page.evaluate(() => { window.scrollTo(0, 0); return document.documentElement.scrollHeight > window.innerHeight; });
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: taller });
  };
  const nav = (label: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
  const heading = (text: string | RegExp) => page.getByRole('heading', { level: 1, name: text });
  const fieldError = (control: string) => page.locator('.field-invalid').filter({ has: page.locator(control) }).locator('.field-error');

  it('builds, disables and edits automations; replays a dead letter; re-authorises, reschedules and deletes a connection; dry-runs a CSV; creates a member and a key', async () => {
    await page.goto(`${front.url}/automations`);
    await page.getByLabel('API key').fill(ADMIN_KEY);
    await page.getByLabel('API key').press('Enter');

    // Automations: the three tiers, nothing built yet.
    await heading('Automations').waitFor();
    await page.getByRole('heading', { name: 'No automations yet' }).waitFor();
    const connectors = page.getByRole('table', { name: /JSON connectors of the platform/ });
    await connectors.getByText('Partner ping').waitFor();
    await expect(connectors.getByRole('row').nth(1).textContent()).resolves.toContain('needs no credentials');
    await shot('01-automations-empty');

    // A schedule: the API refuses a cron that does not parse, beside the field, which gets the focus.
    await page.getByRole('link', { name: 'New automation' }).first().click();
    await heading('New automation').waitFor();
    await page.locator('#automation-name').fill('Nightly partner ping');
    await page.getByLabel('Schedule (cron, UTC)').fill('every five minutes');
    await page.getByLabel('Source field for item').fill('workspaceId');
    await page.getByRole('button', { name: 'Create automation' }).click();
    await expect(fieldError('#automation-cron').textContent()).resolves.toMatch(/cron/);
    await expect(page.locator('#automation-cron').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('automation-cron');
    await page.getByText('Some fields need attention.').waitFor();
    await shot('02-automation-cron-error');
    await page.getByLabel('Schedule (cron, UTC)').fill('*/5 * * * *');
    await page.getByLabel('Schedule (cron, UTC)').press('Enter');
    await page.getByText('Saved “Nightly partner ping”.').waitFor();
    const automations = page.getByRole('table', { name: 'Automations of the organisation' });
    const nightly = automations.getByRole('row').filter({ hasText: 'Nightly partner ping' });
    await expect(nightly.textContent()).resolves.toMatch(/Schedule.*cron \*\/5 \* \* \* \* \(UTC\).*partner-ping\.ping.*enabled.*never/);
    await shot('03-automation-listed');

    await page.getByRole('button', { name: 'Disable Nightly partner ping' }).click();
    await page.getByText('“Nightly partner ping” is disabled').waitFor();
    await nightly.getByRole('button', { name: 'Enable Nightly partner ping' }).waitFor();
    await expect(nightly.locator('.badge').first().textContent()).resolves.toBe('disabled');
    const orgId = (await call('GET', `${ws()}`)).body.orgId as string;
    expect((await call('GET', `/api/v1/orgs/${orgId}/automations`)).body.items[0]).toMatchObject({ name: 'Nightly partner ping', enabled: false });
    await shot('04-automation-disabled');

    // A webhook: its token is shown once; a call with it runs the action and shows up as a run.
    await page.getByRole('link', { name: 'New automation' }).first().click();
    await heading('New automation').waitFor();
    await page.locator('#automation-name').fill('Partner webhook');
    await page.getByRole('radio', { name: 'Inbound webhook' }).check();
    await page.getByLabel('Source field for item').fill('data.id');
    await page.getByLabel('Source field for item').press('Enter');
    const token = (await page.getByTestId('webhook-token').textContent())!;
    expect(token).toMatch(/^fwh_/);
    const hookUrl = new URL((await page.getByTestId('webhook-url').textContent())!);
    await shot('05-webhook-token-once');
    const posted = await fetch(`${platform.url}${hookUrl.pathname}`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ workspace_id: workspaceId, data: { id: 'item-42' } }),
    });
    expect(posted.status).toBe(202);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByText('Saved “Partner webhook”.').waitFor();
    await until('the partner to be called', async () => partner.seen.some((r) => r.url === '/v1/ping/item-42'));
    await until('the run to be recorded', async () => (await call('GET', `/api/v1/orgs/${orgId}/automation-runs`)).body.items.length > 0);
    expect(await page.content()).not.toContain(token);
    await automations.getByRole('link', { name: 'Partner webhook', exact: true }).click();
    await heading('Partner webhook').waitFor();
    const runs = page.getByRole('table', { name: 'Runs of this automation, newest first' });
    await runs.locator('.badge', { hasText: 'ran' }).waitFor();
    await expect(runs.getByRole('row').nth(1).textContent()).resolves.toContain('Production');
    await shot('06-automation-runs');
    // Editing keeps the webhook (no new token) and the name changes in the list.
    await page.locator('#automation-name').fill('Partner webhook (edited)');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved “Partner webhook (edited)”.').waitFor();
    await expect(page.getByTestId('webhook-token').count()).resolves.toBe(0);
    await automations.getByRole('row').filter({ hasText: 'Partner webhook (edited)' }).locator('.badge', { hasText: 'ran' }).waitFor();

    // Dead letters: replay one now that the mapping is the default again.
    await until('the syncs to be idle', syncsIdle);
    await nav('Dead letters');
    await heading('Dead letters').waitFor();
    const letters = page.getByRole('table', { name: 'Rejected records' });
    await letters.getByRole('row').nth(1).waitFor();
    await shot('07-dead-letters');
    await letters.getByRole('button', { name: 'Replay' }).first().click();
    await page.getByText(/^Replayed .+: (created|updated|unchanged)\.$/).waitFor();
    await letters.getByText(/^replayed/).first().waitFor();
    await shot('08-dead-letter-replayed');

    // The connection: replace its credentials through the form drawn from the catalogue.
    await nav('Connections');
    await page.getByRole('table', { name: 'Connections' }).getByRole('link', { name: CONNECTION }).click();
    await heading(CONNECTION).waitFor();
    await page.getByRole('button', { name: 'Replace credentials' }).click();
    const reauth = page.getByRole('form', { name: 'Replace credentials' });
    await reauth.getByRole('button', { name: 'Save new credentials' }).click();
    await expect(page.locator('#reauth-token').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.locator('#reauth-token').fill(hubspot.credentials.token!);
    await page.locator('#reauth-token').press('Enter');
    await page.getByText('New credentials saved.').waitFor();
    await shot('09-connection-reauthorised');

    // Its schedule: a malformed cron is named beside the field; a good one is saved.
    const schedule = page.locator('#schedule-contacts');
    await schedule.fill('not a cron');
    await schedule.press('Enter');
    await expect(page.locator('#schedule-contacts-error').textContent()).resolves.toMatch(/cron/);
    await schedule.fill('*/30 * * * *');
    await schedule.press('Enter');
    await until('the new schedule', async () => ((await call('GET', `${conn()}/streams`)).body.items as Body[]).find((s) => s.object === 'contacts')?.cron === '*/30 * * * *');
    await expect(page.locator('#schedule-contacts-error').count()).resolves.toBe(0);
    await shot('10-connection-schedule');

    // A CSV file into contacts: parsed by the server, each row in the dry run's plan.
    await nav('Loads');
    await page.getByRole('link', { name: 'New load' }).first().click();
    await page.getByRole('combobox', { name: 'Destination connection' }).selectOption(connectionId);
    await page.getByRole('combobox', { name: 'Object', exact: true }).selectOption('contacts');
    const csv = 'op,email,firstname,lastname\nupsert,csv.one@example.com,Csv,One\nupsert,csv.two@example.com,Csv,Two\n';
    await page.getByLabel('File to load').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByRole('heading', { name: 'Dry run: what this load would do' }).waitFor();
    const plan = page.getByRole('table', { name: 'Per-record plan' });
    await plan.getByText('csv.one@example.com').first().waitFor();
    await plan.getByText('csv.two@example.com').first().waitFor();
    await page.getByRole('button', { name: /^Run load \(2 changes\)/ }).waitFor();
    await shot('11-load-csv-dry-run');

    // Settings: a member, then an API key shown once.
    await nav('Settings');
    await page.getByLabel('Email').fill('ops@example.com');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByRole('table', { name: 'Members of the organisation' }).getByText('ops@example.com').waitFor();
    await page.getByLabel('Key name').fill('ci pipeline');
    await page.getByLabel('Key name').press('Enter');
    const key = (await page.getByTestId('new-api-key').textContent())!;
    expect(key).toMatch(/^fw_/);
    await shot('12-settings-key-once');
    expect((await call('GET', '/api/v1/me', undefined, key)).body).toMatchObject({ role: 'workspace_member', workspaceId });
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByRole('table', { name: 'API keys of the organisation' }).getByText('ci pipeline').waitFor();
    expect(await page.content()).not.toContain(key);

    // Finally the connection goes, asked for by name, secrets and all.
    await until('the syncs to be idle', syncsIdle);
    await nav('Connections');
    await page.getByRole('table', { name: 'Connections' }).getByRole('link', { name: CONNECTION }).click();
    await page.getByRole('button', { name: 'Delete connection…' }).click();
    const confirm = page.getByLabel(`Type “${CONNECTION}” to confirm`);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('delete-confirm');
    await expect(page.getByRole('button', { name: 'Delete connection', exact: true }).isDisabled()).resolves.toBe(true);
    await confirm.fill(CONNECTION);
    await shot('13-connection-delete-confirm');
    await confirm.press('Enter');
    await page.getByText(`Deleted “${CONNECTION}”, with its secrets and data.`).waitFor();
    await page.getByRole('heading', { name: 'No connections yet' }).waitFor();
    await shot('14-connection-deleted');
    expect((await call('GET', conn())).status).toBe(404);
    const { rows } = await platform.runtime.database.pool.query('select count(*)::int as n from credentials where connection_id = $1', [connectionId]);
    expect(rows[0].n).toBe(0);

    expect(problems).toEqual([]);
    expect(existsSync(join(ARTIFACTS, '14-connection-deleted.png'))).toBe(true);
  }, 90_000);
});
