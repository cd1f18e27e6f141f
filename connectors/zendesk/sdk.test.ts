/**
 * SDK fidelity: node-zendesk, the established Node client for Zendesk Support, untouched, against
 * the sandbox. The client builds `https://{subdomain}.zendesk.com/api/v2` from a subdomain, which
 * cannot name a loopback server, so it is given the sandbox through its documented `endpointUri`
 * option instead; `throwOriginalException` (also documented) keeps Zendesk's error body on the
 * thrown error rather than a flattened message.
 */
import zendesk from 'node-zendesk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZendeskSandbox, type ZendeskSandbox } from './sandbox/index.js';

type Client = ReturnType<typeof zendesk.createClient>;
type Json = Record<string, unknown>;
interface Answer<T> { response: { status: number; headers: { get(name: string): string | null } }; result: T }
interface ZendeskError extends Error { statusCode: number; result: { error: string; description: string; details?: Record<string, Array<{ description: string; error: string }>> } }

let sandbox: ZendeskSandbox;
let client: Client;

/** node-zendesk's own methods are typed loosely (`Promise<NodeModule>`); this names what they resolve to. */
const answer = async <T = Json>(call: Promise<unknown>) => (await call) as Answer<T>;
const failure = (call: Promise<unknown>) => call.then(() => { throw new Error('expected node-zendesk to reject'); }, (e: unknown) => e as ZendeskError);

beforeAll(async () => {
  sandbox = await startZendeskSandbox({ seed: { organizations: 3, users: 230, tickets: 30 }, rateLimit: false });
  client = zendesk.createClient({ username: sandbox.email, token: sandbox.apiToken, endpointUri: `${sandbox.baseUrl}/api/v2`, throwOriginalException: true });
});
afterAll(async () => sandbox.stop());

describe('node-zendesk against the Zendesk sandbox', () => {
  it('authenticates with the API token and reads users/me', async () => {
    const me = await answer(client.users.me());
    expect(me.response.status).toBe(200);
    expect(me.result).toMatchObject({ email: sandbox.email, role: 'admin', active: true });
  });

  it('lists every user with users.list, following links.next across cursor pages', async () => {
    const users = (await client.users.list()) as Json[];
    expect(users).toHaveLength(230);
    expect(new Set(users.map((u) => u.id)).size).toBe(230);
    expect(users.map((u) => String(u.id))).toEqual(sandbox.store.liveIds('users'));
    // page[size]=100 from the client: three pages, the last without links.next.
    const pages = sandbox.server.requestLog.filter((r) => r.path === '/api/v2/users.json');
    expect(pages).toHaveLength(3);
    expect(pages[0]!.query['page[size]']).toBe('100');
    expect(pages[2]!.query['page[after]']).toEqual(expect.any(String));
  });

  it('creates, updates, shows and deletes a user', async () => {
    const created = await answer(client.users.create({ user: { name: 'Sdk Person', email: 'Sdk.Person@Example.com', role: 'end-user', tags: ['SDK'] } }));
    expect(created.response.status).toBe(201);
    expect(created.result).toMatchObject({ name: 'Sdk Person', email: 'sdk.person@example.com', active: true, tags: ['sdk'] });
    const id = created.result.id as number;

    const updated = await answer(client.users.update(id, { user: { phone: '+15551234567', notes: 'via node-zendesk' } }));
    expect(updated.result).toMatchObject({ id, phone: '+15551234567', notes: 'via node-zendesk' });
    expect((await answer(client.users.show(id))).result).toMatchObject({ id, phone: '+15551234567' });

    const deleted = await answer(client.users.delete(id));
    expect(deleted.response.status).toBe(200);
    expect(deleted.result).toMatchObject({ id, active: false });
    // Zendesk deletes users softly: still shown by id, inactive; gone from the list.
    expect((await answer(client.users.show(id))).result).toMatchObject({ id, active: false });
    const listed = (await client.users.list()) as Json[];
    expect(listed.some((u) => u.id === id)).toBe(false);
  });

  it('creates an organization and lists organizations', async () => {
    const created = await answer(client.organizations.create({ organization: { name: 'Node Zendesk Ltd', domain_names: ['node-zendesk.example.com'], external_id: 'sdk-1' } }));
    expect(created.response.status).toBe(201);
    expect(created.result).toMatchObject({ name: 'Node Zendesk Ltd', domain_names: ['node-zendesk.example.com'] });
    const all = (await client.organizations.list()) as Json[];
    expect(all.map((o) => o.name)).toContain('Node Zendesk Ltd');
    expect(all).toHaveLength(4);
    const dup = await failure(client.organizations.create({ organization: { name: 'node zendesk ltd' } }));
    expect(dup.statusCode).toBe(422);
    expect(dup.result.details?.name?.[0]).toEqual({ description: 'Name: has already been taken', error: 'DuplicateValue' });
  });

  it('creates, shows, updates and deletes a ticket', async () => {
    const requester = sandbox.store.liveIds('users')[0]!;
    const created = await answer<Json & { ticket?: never }>(client.tickets.create({
      ticket: { subject: 'Printer on fire', comment: { body: 'Smoke everywhere.' }, requester_id: Number(requester), priority: 'urgent', tags: ['SDK', 'fire'] },
    }));
    expect(created.response.status).toBe(201);
    expect(created.result).toMatchObject({ subject: 'Printer on fire', description: 'Smoke everywhere.', status: 'new', priority: 'urgent', requester_id: Number(requester), tags: ['sdk', 'fire'], via: { channel: 'api' } });
    const id = created.result.id as number;

    const updated = await answer(client.tickets.update(id, { ticket: { status: 'pending', assignee_id: 360_000_000, comment: { body: 'Fire brigade called.', public: false } } }));
    expect(updated.response.status).toBe(200);
    expect(updated.result).toMatchObject({ id, status: 'pending', assignee_id: 360_000_000 });
    expect((await answer(client.tickets.show(id))).result).toMatchObject({ id, status: 'pending', subject: 'Printer on fire' });

    const deleted = await answer(client.tickets.delete(id));
    expect(deleted.response.status).toBe(204);
    const gone = await failure(client.tickets.show(id));
    expect(gone.statusCode).toBe(404);
    expect(gone.result).toEqual({ error: 'RecordNotFound', description: 'Not found' });
    const listed = (await client.tickets.list()) as Json[];
    expect(listed).toHaveLength(30);
    expect(listed.some((t) => t.id === id)).toBe(false);
  });

  it('reads the time-based incremental ticket export with tickets.incremental', async () => {
    const exported = (await client.tickets.incremental('0')) as Json[];
    // Every seeded ticket changed more than a minute ago; the one just created and deleted did not.
    expect(exported).toHaveLength(30);
    const stamps = exported.map((t) => t.generated_timestamp as number);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    const page = sandbox.server.requestLog.filter((r) => r.path === '/api/v2/incremental/tickets.json').at(-1)!;
    expect(page.query.start_time).toBe('0');
    const users = (await client.users.incremental(0)) as Json[];
    expect(users).toHaveLength(230);
    expect(users.every((u) => typeof u.updated_at === 'string')).toBe(true);
  });

  it('reads the cursor-based ticket export with ticketexport.exportCursor', async () => {
    const first = await answer<{ tickets: Json[]; after_cursor: string; end_of_stream: boolean }>(client.ticketexport.exportCursor(0, ''));
    expect(first.result.tickets).toHaveLength(30);
    expect(first.result.end_of_stream).toBe(true);
    const next = await answer<{ tickets: Json[]; end_of_stream: boolean }>(client.ticketexport.exportCursor(0, first.result.after_cursor));
    expect(next.result).toMatchObject({ tickets: [], end_of_stream: true });
  });

  it('surfaces a refused write as Zendesk\'s 422 with details by attribute', async () => {
    const error = await failure(client.users.create({ user: { name: 'Bad Email', email: 'not-an-email' } }));
    expect(error.statusCode).toBe(422);
    expect(error.result).toEqual({
      error: 'RecordInvalid', description: 'Record validation errors',
      details: { email: [{ description: 'Email: not-an-email is not properly formatted', error: 'InvalidFormat' }] },
    });
    const ticket = await failure(client.tickets.create({ ticket: { subject: 'No comment' } }));
    expect(ticket.statusCode).toBe(422);
    expect(ticket.result.details?.base?.[0]).toMatchObject({ error: 'BlankValue' });
  });

  it('is refused with 401 for a wrong token', async () => {
    const stranger = zendesk.createClient({ username: sandbox.email, token: 'not-the-token', endpointUri: `${sandbox.baseUrl}/api/v2`, throwOriginalException: true });
    const error = await failure(stranger.users.me());
    expect(error.statusCode).toBe(401);
    expect(error.result).toEqual({ error: "Couldn't authenticate you" });
  });
});
