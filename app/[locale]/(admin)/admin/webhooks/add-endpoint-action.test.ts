import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialActionState } from '@/lib/actions/state';
import { useTestDatabase } from '@/test/support/db';
import { insertUser } from '@/test/support/fixtures';
import { actAs, request } from '@/test/support/next-request';
import { addEndpointAction } from './add-endpoint-action';

vi.mock('next/headers', async () => (await import('@/test/support/next-request')).nextHeaders);
vi.mock('next/navigation', async () => (await import('@/test/support/next-request')).nextNavigation);
vi.mock('next/cache', async () => (await import('@/test/support/next-request')).nextCache);
vi.mock('next/server', async () => ({ ...(await import('next/server.js')), connection: async () => {} }));
vi.mock('next-auth', async () => (await import('@/test/support/next-request')).nextAuth);
vi.mock('@/lib/auth', async () => (await import('@/test/support/next-request')).auth);

/* The admin's form for a webhook endpoint: an address into a private network is refused on its field, in the admin's language. */

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
beforeAll(async () => {
  conn = await useTestDatabase();
  const id = await insertUser(conn.db, { email: 'admin@example.com', name: 'Ada Admin', role: 'admin' });
  actAs({ id, name: 'Ada Admin', email: 'admin@example.com', role: 'admin' });
});
afterAll(async () => {
  request.headers.set('x-comptoir-locale', 'en');
  await conn?.drop();
});
beforeEach(() => {
  vi.stubEnv('WEBHOOK_ALLOW_PRIVATE', '');
  return () => vi.unstubAllEnvs();
});

function endpointForm(url: string): FormData {
  const f = new FormData();
  f.set('url', url);
  f.append('events', 'order.placed');
  return f;
}

const endpoints = async () => (await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM webhook_endpoints`)).rows[0]!.n;

describe('adding a webhook endpoint', () => {
  it('refuses an address into a private network, in English and in French, and saves nothing', async () => {
    request.headers.set('x-comptoir-locale', 'en');
    const en = await addEndpointAction(initialActionState, endpointForm('http://169.254.169.254/latest/meta-data/'));
    expect(en).toMatchObject({ ok: false, fieldErrors: { url: expect.stringContaining('This address leads into a private network') } });
    request.headers.set('x-comptoir-locale', 'fr');
    const fr = await addEndpointAction(initialActionState, endpointForm('http://localhost:5432/'));
    expect(fr).toMatchObject({ ok: false, fieldErrors: { url: expect.stringContaining('Cette adresse mène à un réseau privé') } });
    const unknown = await addEndpointAction(initialActionState, endpointForm('https://erp.invalid/hooks'));
    expect(unknown).toMatchObject({ ok: false, fieldErrors: { url: expect.stringContaining('Aucune adresse n’est connue') } });
    const ftp = await addEndpointAction(initialActionState, endpointForm('ftp://203.0.113.5/hooks'));
    expect(ftp).toMatchObject({ ok: false, fieldErrors: { url: expect.stringContaining('http:// ou https://') } });
    expect(await endpoints()).toBe(0);
  });

  it('hands back what was typed and ticked with a refusal, so the form shows it again; a success hands back nothing', async () => {
    request.headers.set('x-comptoir-locale', 'en');
    const refused = await addEndpointAction(initialActionState, endpointForm('http://10.0.0.8/hooks'));
    expect(refused).toMatchObject({ ok: false, values: { url: 'http://10.0.0.8/hooks' }, chosen: ['order.placed'] });
    const noEvent = new FormData();
    noEvent.set('url', 'https://erp.example.com/' + 'x'.repeat(3000));
    noEvent.append('events', new Blob(['not an event']));
    const cut = await addEndpointAction(initialActionState, noEvent);
    expect(cut).toMatchObject({ ok: false, chosen: [] });
    expect(cut.values?.url).toHaveLength(2000);
    const added = await addEndpointAction(initialActionState, endpointForm('https://203.0.113.9/hooks'));
    expect(added).toMatchObject({ ok: true });
    expect(added).not.toHaveProperty('values');
    await conn.db.execute(sql`DELETE FROM webhook_endpoints`);
  });

  it('takes a public address, and a private one when WEBHOOK_ALLOW_PRIVATE=1', async () => {
    request.headers.set('x-comptoir-locale', 'en');
    expect(await addEndpointAction(initialActionState, endpointForm('https://203.0.113.5/hooks'))).toMatchObject({
      ok: true,
      secret: expect.stringMatching(/^whsec_/),
    });
    vi.stubEnv('WEBHOOK_ALLOW_PRIVATE', '1');
    expect(await addEndpointAction(initialActionState, endpointForm('http://127.0.0.1:4000/hooks'))).toMatchObject({ ok: true });
    expect(await endpoints()).toBe(2);
  });
});
