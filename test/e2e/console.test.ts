/**
 * The web console in a real Chromium against the real platform (embedded PostgreSQL, workers,
 * the Stripe connector and its sandbox): sign in, create a workspace, browse the catalogue,
 * connect a sandbox through the form drawn from the catalogue's JSON Schema, test it, sync and
 * watch the run, read records and the change log, dry-run a load, run it, roll it back, and
 * visit every other page. A screenshot of each page goes to test-artifacts/console/.
 *
 * The console is built in beforeAll with vite's build() API (console/dist). When the platform
 * does not serve the console itself yet (consoleRoutes not registered), a front server with
 * consoleRoutes serves it and proxies every other request to the platform.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox, SandboxFactory } from '../../src/cli/sandbox.js';
import { servePlatform, type RunningPlatform } from '../../src/cli/serve.js';
import type { CatalogueEntry } from '../../src/registry/index.js';
import { consoleRoutes } from '../../src/server/routes/console.js';

const ADMIN_KEY = 'fw_console_e2e_admin_key_0123456789';
const ARTIFACTS = resolve('test-artifacts/console');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Serves the console through consoleRoutes and hands every other request to the platform. */
async function frontFor(platformUrl: string): Promise<FastifyInstance> {
  const front = Fastify();
  front.removeAllContentTypeParsers();
  front.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  front.setNotFoundHandler(async (request, reply) => {
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k))) as Record<string, string>;
    // The API speaks JSON only, so the body travels as text.
    const body = request.body instanceof Buffer && request.body.length > 0 ? request.body.toString('utf8') : undefined;
    const answer = await fetch(`${platformUrl}${request.url}`, { method: request.method, headers, body });
    const contentType = answer.headers.get('content-type');
    if (contentType) void reply.header('content-type', contentType);
    return reply.status(answer.status).send(Buffer.from(await answer.arrayBuffer()));
  });
  await front.register(async (scope) => consoleRoutes(scope));
  await front.listen({ port: 0, host: '127.0.0.1' });
  return front;
}

describe('the web console', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'forge-console-'));
  chmodSync(dataDir, 0o755);
  let platform: RunningPlatform;
  let front: FastifyInstance | undefined;
  const sandboxes: RunningSandbox[] = [];
  let browser: BrowserContext;
  let page: Page;
  let base: string;
  const problems: string[] = [];

  beforeAll(async () => {
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    // vitest sets NODE_ENV=test, which would give a development React build.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: resolve('console/vite.config.ts'), mode: 'production', logLevel: 'warn' });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    platform = await servePlatform({ port: 0, host: '127.0.0.1' }, {
      FORGE_DATA_DIR: join(dataDir, 'forge'), FORGE_ADMIN_KEY: ADMIN_KEY, FORGE_SANDBOX_EGRESS: '1', LOG_LEVEL: 'warn',
    });
    const home = await fetch(`${platform.url}/`);
    const served = home.status === 200 && (await home.text()).includes('id="root"');
    if (!served) front = await frontFor(platform.url);
    base = front ? `http://127.0.0.1:${(front.server.address() as { port: number }).port}` : platform.url;

    // A fresh profile (the --user-data-dir) per run, in the test's temp directory.
    browser = await chromium.launchPersistentContext(join(dataDir, 'chromium'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    page = browser.pages()[0] ?? await browser.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // A refused fetch is logged by Chromium itself; the console shows those states on purpose.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
    });
    page.on('dialog', (dialog) => void dialog.accept());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    for (const sandbox of sandboxes) await sandbox.stop();
    await front?.close();
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  // From the top: a full-page shot of a scrolled page would paint the sticky header mid-page.
  const shot = async (name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  };
  const nav = (label: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
  const heading = (text: string | RegExp) => page.getByRole('heading', { level: 1, name: text });

  it('signs in, connects every sandboxed connector through the generated form, syncs, loads and rolls back', async () => {
    // Sign in: a wrong key is refused on the page; the admin key opens the console; Enter submits.
    await page.goto(`${base}/connections`);
    await expect(page.getByRole('heading', { name: 'Sign in to the console' }).isVisible()).resolves.toBe(true);
    await shot('01-sign-in');
    await page.getByLabel('API key').fill('fw_not_a_real_key_000000000000');
    await page.getByLabel('API key').press('Enter');
    await page.getByText('That key was not accepted').waitFor();
    // Keyboard: the field's error is announced with it, and Tab moves on to the button.
    await expect(page.getByLabel('API key').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByLabel('API key').focus();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Sign in');
    await page.getByLabel('API key').fill(ADMIN_KEY);
    await page.getByLabel('API key').press('Enter');

    // First run: no org, no workspace yet.
    await page.getByRole('heading', { name: 'Create your first workspace' }).waitFor();
    await shot('02-first-workspace');
    await page.getByLabel('Organisation name').fill('Acme');
    await page.getByLabel('Workspace name').fill('Production');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByRole('heading', { name: 'No connections yet' }).waitFor();
    await expect(page.getByLabel('Workspace', { exact: true }).inputValue()).resolves.not.toBe('');
    await shot('03-connections-empty');

    // The catalogue: search and category filter.
    await nav('Catalogue');
    await heading('Catalogue').waitFor();
    const catalogue = (await (await fetch(`${platform.url}/api/v1/connectors`)).json()) as { connectors: CatalogueEntry[] };
    const sandboxed = catalogue.connectors.filter((c) => c.hasSandbox);
    expect(sandboxed.length, 'connectors with a sandbox in the catalogue').toBeGreaterThan(0);
    const target = sandboxed[0]!;
    await page.getByLabel('Search').fill('no-such-system');
    await page.getByRole('heading', { name: 'No connector matches' }).waitFor();
    await shot('04a-catalogue-no-match');
    await page.getByLabel('Search').fill('');
    await page.getByRole('heading', { name: target.name, exact: true }).waitFor();
    await shot('04-catalogue');
    await page.getByLabel('Category').selectOption(target.category);
    await page.getByLabel('Search').fill(target.name.slice(0, 4).toLowerCase());
    await page.getByRole('heading', { name: target.name, exact: true }).waitFor();

    // Connect every sandboxed connector through the form drawn from its catalogue JSON Schema.
    const connected: string[] = [];
    for (const [index, entry] of sandboxed.entries()) {
      const running = await (platform.runtime.registry.get(entry.id).sandbox as SandboxFactory)({});
      sandboxes.push(running);
      // A sandbox connects through the form only if it hands out every field its method requires
      // (Salesforce's JWT method needs a private key the sandbox does not issue): others are left out.
      const usable = entry.authMethods.find((m) => m.type !== 'oauth2_authorization_code') ?? entry.authMethods[0]!;
      const required = ((usable.schema as { required?: string[] }).required ?? []);
      if (!required.every((name) => name in running.credentials)) continue;
      connected.push(entry.id);
      await page.goto(`${base}/connectors`);
      await page.getByRole('link', { name: `Connect ${entry.name}`, exact: true }).click();
      await heading(`Connect ${entry.name}`).waitFor();
      await page.getByRole('heading', { name: 'Connect your system' }).waitFor();
      if (index === 0) await shot('05-connect-form');
      const oauth = entry.authMethods.find((m) => m.type === 'oauth2_authorization_code');
      if (oauth) {
        // An OAuth method swaps in its own fields and a "Connect with <vendor>" button.
        await page.getByRole('radio', { name: oauth.label }).check();
        await page.getByRole('button', { name: `Connect with ${entry.name}` }).waitFor();
        await shot(`05c-connect-oauth-${entry.id}`);
      }
      // The sandbox is connected with the first method that needs no browser round trip.
      const method = entry.authMethods.find((m) => m.type !== 'oauth2_authorization_code') ?? entry.authMethods[0]!;
      if (entry.authMethods.length > 1) await page.getByRole('radio', { name: method.label, exact: true }).check();
      // Browser-side checks name the field and move focus to the first one that needs attention.
      await page.getByRole('button', { name: `Connect ${entry.name}` }).click();
      // Every empty required field is marked (connection fields come first, then credentials);
      // focus lands on the first of them.
      const firstSecret = page.locator('[id^="credentials-"]').first();
      await expect(firstSecret.getAttribute('aria-invalid')).resolves.toBe('true');
      const firstInvalidId = await page.locator('[aria-invalid="true"]').first().getAttribute('id');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(firstInvalidId);
      const secretFields = (method.schema as { properties?: Record<string, { writeOnly?: boolean }> }).properties ?? {};
      for (const [name, field] of Object.entries(secretFields)) {
        const widget = (field as { 'x-widget'?: string })['x-widget'];
        if (field.writeOnly && widget !== 'textarea') await expect(page.locator(`#credentials-${name}`).getAttribute('type')).resolves.toBe('password');
      }
      // A select (a region, an API version) is chosen; anything else is typed.
      const setField = async (selector: string, value: string) => {
        const field = page.locator(selector);
        if (await field.evaluate((el) => el.tagName === 'SELECT')) await field.selectOption(value);
        else await field.fill(value);
      };
      for (const [name, value] of Object.entries(running.credentials)) if (name in secretFields) await setField(`#credentials-${name}`, value);
      for (const [name, value] of Object.entries(running.config ?? {})) await setField(`#config-${name}`, String(value));
      await page.getByRole('checkbox', { name: /sandbox/i }).check();
      await page.getByLabel('Sandbox base URL').fill(running.baseUrl);
      if (index === 0) {
        // The API's own field errors land beside their field (a name past the API's 200 characters).
        await page.getByLabel('Connection name').fill('x'.repeat(201));
        await page.getByLabel('Sandbox base URL').press('Enter');
        await page.locator('.field-invalid').filter({ has: page.getByLabel('Connection name') }).locator('.field-error').waitFor();
        await shot('05b-connect-field-error');
      }
      await page.getByLabel('Connection name').fill(`${entry.name} sandbox`);
      await page.getByLabel('Connection name').press('Enter');
      await page.getByRole('heading', { name: `${entry.name} sandbox is connected` }).waitFor();
      await page.getByRole('button', { name: 'Test connection' }).click();
      await page.getByText('Connection test passed').waitFor();
      await shot(`06-connected-${entry.id}`);
    }

    // The first one's connection page: streams with schedules; sync now, then watch the run end.
    await nav('Connections');
    const list = page.getByRole('table', { name: 'Connections' });
    await list.getByRole('link', { name: `${target.name} sandbox` }).waitFor();
    expect(connected).toEqual(expect.arrayContaining(['hubspot', 'stripe']));
    await expect(list.locator('.badge-sandbox').count()).resolves.toBe(connected.length);
    await shot('06z-connections');
    await list.getByRole('link', { name: `${target.name} sandbox` }).click();
    await heading(`${target.name} sandbox`).waitFor();
    const connectionId = new URL(page.url()).pathname.split('/').pop()!;
    await expect(page.locator('h1 .badge-sandbox').textContent()).resolves.toBe('Sandbox');
    await page.getByRole('heading', { name: 'Field mapping' }).waitFor();
    await shot('07-connection');
    // Sync the object that is read as people and written by loads, so the load below meets its records.
    const objects = platform.runtime.registry.get(target.id).objects;
    const object = (objects.find((o) => o.source && o.destination && o.canonical === 'person') ?? objects.find((o) => o.source))!.name;
    const streamRow = page.getByRole('table', { name: 'Streams of this connection' }).getByRole('row').filter({ has: page.locator('strong', { hasText: new RegExp(`^${object}$`) }) });
    await streamRow.getByRole('button', { name: 'Sync now' }).click();
    await heading(/sync of /).waitFor();
    await page.locator('h1 .badge', { hasText: /succeeded|failed/ }).waitFor({ timeout: 45_000 });
    await expect(page.locator('h1 .badge').textContent()).resolves.toBe('succeeded');
    const created = Number(await page.locator('.stat', { hasText: 'Created' }).locator('.stat-value').textContent());
    expect(created).toBeGreaterThan(0);
    await shot('08-run');

    // The mapping editor's live preview maps the stored records as the mapping is edited.
    await page.getByRole('link', { name: '← Connection' }).click();
    await page.getByLabel('Object', { exact: true }).selectOption(object);
    const preview = page.getByRole('table', { name: 'Preview of mapped records' });
    await preview.getByRole('row').nth(1).waitFor();
    const before = await preview.textContent();
    await page.getByLabel('Transform of row 1', { exact: true }).selectOption('uppercase');
    await page.waitForFunction((text) => [...document.querySelectorAll('table')].find((t) => t.caption?.textContent === 'Preview of mapped records')?.textContent !== text, before);
    await shot('09-mapping-preview');

    // Records and the change log.
    await nav('Records');
    await heading('Records').waitFor();
    const canonical = await page.evaluate(() => document.querySelector('.segment[aria-pressed="true"]')?.textContent);
    expect(canonical).toBe('People');
    await page.getByRole('table', { name: /Canonical/ }).getByRole('row').nth(1).waitFor();
    await shot('10-records');
    await nav('Change log');
    await page.getByRole('table', { name: 'Change events in sequence order' }).getByRole('row').nth(1).waitFor();
    await shot('11-change-log');

    // A load from a JSON file: dry run with its diff, run with progress, verification, rollback.
    const destination = objects.find((o) => o.destination);
    expect(destination, 'a destination object').toBeDefined();
    const records = (await (await fetch(`${platform.url}/api/v1/workspaces/${await workspaceId(page)}/records/persons?limit=1&connectionId=${connectionId}`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json()) as { items: Array<{ data: { email?: string } }> };
    const existingEmail = records.items[0]?.data.email;
    // Vendor field names from the object's canonical → vendor mapping: the natural key and a name.
    const toVendor = (canonicalField: string) => destination!.destinationMapping?.find((m) => m.source === canonicalField)?.target;
    const key = destination!.naturalKey ?? 'email';
    const nameField = toVendor('properties.name') ?? toVendor('firstName') ?? 'name';
    const file = [
      { op: 'upsert', fields: { [key]: 'console.e2e@example.com', [nameField]: 'Console Tester' } },
      ...(existingEmail ? [{ op: 'upsert', fields: { [key]: existingEmail, [nameField]: 'Renamed By Console' } }] : []),
    ];
    await nav('Loads');
    await page.getByRole('heading', { name: 'No loads yet' }).waitFor();
    await page.getByRole('link', { name: 'New load' }).first().click();
    await page.getByRole('combobox', { name: 'Destination connection' }).selectOption(connectionId);
    await page.getByRole('combobox', { name: 'Object', exact: true }).selectOption(destination!.name);
    await page.getByLabel('File to load').setInputFiles({ name: 'people.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByRole('heading', { name: 'Dry run: what this load would do' }).waitFor();
    await page.getByRole('table', { name: 'Per-record plan' }).getByText('console.e2e@example.com').first().waitFor();
    await shot('12-load-dry-run');
    await page.getByRole('button', { name: /^Run load/ }).click();
    await heading(/^Load into /).waitFor();
    await page.locator('h1 .badge', { hasText: /succeeded|partially failed|rolled back|failed/ }).waitFor({ timeout: 30_000 });
    await expect(page.locator('h1 .badge').textContent()).resolves.toBe('succeeded');
    await page.getByRole('heading', { name: 'Verification report' }).waitFor();
    await shot('13-load-verified');
    await page.getByRole('button', { name: 'Roll back' }).click();
    await page.getByText(/Rolled back|The rollback finished/).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: /^Rollback/ }).waitFor();
    await shot('14-load-rolled-back');

    // Every other page renders: tables, empty states, or a clear "not available".
    for (const [label, name] of [['Runs', '15-runs'], ['Dead letters', '16-dead-letters'], ['Automations', '17-automations'], ['Bridges', '18-bridges'], ['Audit log', '19-audit']] as const) {
      await nav(label);
      await heading(label).waitFor();
      // A page may show several loading states at once (the automations page has two tables).
      await expect.poll(() => page.locator('.loading').count(), { timeout: 15_000 }).toBe(0);
      await shot(name);
    }
    await page.getByRole('table', { name: 'Audit entries, newest first' }).getByText('connection.create', { exact: true }).first().waitFor();

    // Settings: the allowlist, members, and an API key shown once.
    await nav('Settings');
    await page.getByRole('heading', { name: 'API keys', exact: true }).first().waitFor();
    await page.getByLabel('Key name').fill('warehouse export');
    await page.getByLabel('Key name').press('Enter');
    const newKey = await page.getByTestId('new-api-key').textContent();
    expect(newKey).toMatch(/^fw_/);
    await shot('20-settings');

    // A key the server stops accepting sends the console back to sign in.
    await page.evaluate(() => sessionStorage.setItem('forgeworks.apiKey', 'fw_revoked_or_rotated_key_0000000'));
    await nav('Runs');
    await page.getByText('Your API key was not accepted any more').waitFor();
    await shot('21-signed-out');

    // Deep links load the console (SPA fallback), unknown API paths stay JSON.
    const deep = await fetch(`${base}/connections/some-id`);
    expect(deep.headers.get('content-type')).toMatch(/text\/html/);
    const api404 = await fetch(`${base}/api/v1/no-such-route`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    expect(api404.status).toBe(404);
    expect(api404.headers.get('content-type')).toMatch(/json/);

    expect(problems).toEqual([]);
    expect(existsSync(join(ARTIFACTS, '21-signed-out.png'))).toBe(true);
  }, 120_000);
});

async function workspaceId(page: Page): Promise<string> {
  return page.evaluate(() => sessionStorage.getItem('forgeworks.workspace') ?? '');
}
