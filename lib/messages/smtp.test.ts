import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct, insertUser } from '@/test/support/fixtures';
import { insertCart } from '@/test/support/messages';
import { closedPort, startSmtpServer, type TestSmtpServer } from '@/test/support/smtp';
import { queueCartReminders } from './cart-reminders';
import { smtpUrl } from './config';
import { deliverQueuedMessages } from './deliver';
import { messageTransport } from './transport';

/*
 * The SMTP transport against a real SMTP server (smtp-server, started here on a free port):
 * what arrives, transient and permanent refusals, and deliveries racing on PostgreSQL.
 */

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let smtp: TestSmtpServer;
let camille: number;
let veste: number;

beforeAll(async () => {
  conn = await useTestDatabase();
  camille = await insertUser(conn.db, { email: 'camille@example.com', name: 'Camille Martin' });
  const cat = await insertCategory(conn.db, 'c');
  veste = (await insertProduct(conn.db, { slug: 'veste', categoryId: cat, nameFr: 'Veste', nameEn: 'Jacket', skus: [{ priceCents: 4990 }] })).skuIds[0]!;
  smtp = await startSmtpServer({ user: 'comptoir', password: 's3cr:et/pw' });
});
afterAll(async () => {
  await smtp?.close();
  await conn?.drop();
});
beforeEach(async () => {
  await conn.db.execute(sql`DELETE FROM outbound_messages`);
  await conn.db.execute(sql`DELETE FROM carts`);
  smtp.received.length = 0;
  smtp.offered = 0;
  smtp.reject = null;
  process.env.SMTP_URL = smtp.url;
  process.env.MESSAGES_FROM = 'Comptoir <bonjour@comptoir.example>';
  process.env.PUBLIC_SITE_URL = 'https://shop.example';
});
afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.MESSAGES_FROM;
  delete process.env.MESSAGE_TRANSPORT;
  delete process.env.PUBLIC_SITE_URL;
});

async function queue(n = 1, html: string | null = '<p>Bonjour</p>'): Promise<number[]> {
  const r = await conn.db.execute<{ id: number }>(sql`
    INSERT INTO outbound_messages (kind, recipient_id, email, subject, body, html, dedupe_key)
    SELECT 'cart_reminder', ${camille}, 'camille@example.com', 'Sujet ' || g || ' — été', 'Corps ' || g, ${html}, 'k' || g
    FROM generate_series(1, ${n}::int) g RETURNING id`);
  return r.rows.map((x) => x.id);
}

async function statusOf(id: number) {
  const r = await conn.db.execute<{ status: string; attempts: number; last_error: string | null }>(
    sql`SELECT status, attempts, last_error FROM outbound_messages WHERE id = ${id}`,
  );
  return r.rows[0]!;
}

const lapseBackoff = () => conn.db.execute(sql`UPDATE outbound_messages SET locked_until = now() - interval '1 second' WHERE status = 'queued'`);

describe('the SMTP transport', () => {
  it('is chosen when SMTP_URL is set, else the file', () => {
    expect(messageTransport().name).toBe('smtp');
    delete process.env.SMTP_URL;
    expect(messageTransport().name).toBe('file');
    process.env.MESSAGE_TRANSPORT = 'smtp';
    expect(() => messageTransport()).toThrow('SMTP_URL is not set');
  });

  it('refuses a malformed SMTP_URL without showing its password', () => {
    process.env.SMTP_URL = 'http://user:hunter2@mail.example';
    expect(() => smtpUrl()).toThrow(/smtp:\/\/ or smtps:\/\//);
    expect(() => smtpUrl()).not.toThrow(/hunter2/);
    process.env.SMTP_URL = 'not a url user:hunter2@';
    expect(() => smtpUrl()).not.toThrow(/hunter2/);
  });

  it('sends text and HTML, from MESSAGES_FROM, with the message id as Message-ID and idempotency key', async () => {
    const [id] = await queue();
    expect(await deliverQueuedMessages()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const m = smtp.received[0]!;
    expect(m.envelopeTo).toEqual(['camille@example.com']);
    expect(m.to).toBe('camille@example.com');
    expect(m.from).toBe('Comptoir <bonjour@comptoir.example>');
    expect(m.subject).toBe('Sujet 1 — été');
    expect(m.text?.trim()).toBe('Corps 1');
    expect(m.html?.trim()).toBe('<p>Bonjour</p>');
    expect(m.messageId).toMatch(new RegExp(`^<comptoir-message-${id}\\.\\d+@comptoir\\.example>$`));
    expect(m.headers.get('idempotency-key')).toBe(m.messageId.slice(1, m.messageId.indexOf('@')));
    expect(await statusOf(id!)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('a cart reminder arrives with its text and HTML parts and the cart link', async () => {
    await insertCart(conn.db, camille, 26, [{ skuId: veste, addedHoursAgo: 30, quantity: 2 }]);
    expect((await queueCartReminders()).queued).toBe(1);
    expect(await deliverQueuedMessages()).toEqual({ sent: 1, failed: 0 });
    const m = smtp.received[0]!;
    expect(m.to).toBe('camille@example.com');
    expect(m.subject).toBe('Camille, votre panier vous attend');
    expect(m.text).toMatch(/- Veste × 2 — 99,80\s€/);
    expect(m.text).toContain('https://shop.example/cart');
    expect(m.html).toContain('<html lang="fr">');
    expect(m.html).toContain('Veste × 2');
    expect(m.html).toContain('href="https://shop.example/cart"');
  });

  it('a message handed over again (the process died before marking it sent) carries the same Message-ID', async () => {
    const [id] = await queue();
    await deliverQueuedMessages();
    // As if the first run had stopped between the hand-over and "sent", and its lease lapsed.
    await conn.db.execute(sql`UPDATE outbound_messages SET status = 'queued', sent_at = NULL, locked_until = NULL WHERE id = ${id}`);
    await deliverQueuedMessages();
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[1]!.messageId).toBe(smtp.received[0]!.messageId);
    expect(smtp.received[1]!.headers.get('idempotency-key')).toBe(smtp.received[0]!.headers.get('idempotency-key'));
  });

  it('a text-only message has no HTML part', async () => {
    await queue(1, null);
    await deliverQueuedMessages();
    expect(smtp.received[0]!.html).toBeNull();
    expect(smtp.received[0]!.text?.trim()).toBe('Corps 1');
  });

  it('a 451 is retried with backoff and the message delivered once', async () => {
    const [id] = await queue();
    smtp.reject = (n) => (n === 1 ? { code: 451, text: 'Try again later' } : null);
    expect(await deliverQueuedMessages()).toEqual({ sent: 0, failed: 1 });
    expect(await statusOf(id!)).toMatchObject({ status: 'queued', attempts: 1, last_error: expect.stringContaining('451') });
    expect(await deliverQueuedMessages()).toEqual({ sent: 0, failed: 0 }); // backing off
    await lapseBackoff();
    expect(await deliverQueuedMessages()).toEqual({ sent: 1, failed: 0 });
    expect(await deliverQueuedMessages()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.offered).toBe(2);
    expect(await statusOf(id!)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  });

  it('a 5xx rejection marks the message failed at once', async () => {
    const [id] = await queue();
    smtp.reject = () => ({ code: 550, text: 'Mailbox unavailable' });
    expect(await deliverQueuedMessages()).toEqual({ sent: 0, failed: 1 });
    expect(await statusOf(id!)).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringContaining('550') });
  });

  it('a refused connection is retried, and the error names the server without its password', async () => {
    const [id] = await queue();
    process.env.SMTP_URL = `smtp://comptoir:hunter2@127.0.0.1:${await closedPort()}`;
    expect(await deliverQueuedMessages()).toEqual({ sent: 0, failed: 1 });
    const s = await statusOf(id!);
    expect(s.status).toBe('queued');
    expect(s.last_error).toContain('127.0.0.1');
    expect(s.last_error).not.toContain('hunter2');
    process.env.SMTP_URL = smtp.url;
    await lapseBackoff();
    expect(await deliverQueuedMessages()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('a wrong password is not the message’s fault: retried, not failed', async () => {
    const [id] = await queue();
    process.env.SMTP_URL = smtp.url.replace(encodeURIComponent('s3cr:et/pw'), 'wrong');
    expect(await deliverQueuedMessages()).toEqual({ sent: 0, failed: 1 });
    expect(await statusOf(id!)).toMatchObject({ status: 'queued' });
  });
});

const d = onPostgres ? describe : describe.skip;
d('two servers sweeping at once (PostgreSQL)', () => {
  it('two delivery runs racing send each message exactly once', async () => {
    await queue(30);
    const runs = await Promise.all([deliverQueuedMessages({ limit: 50 }), deliverQueuedMessages({ limit: 50 })]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(30);
    expect(smtp.received).toHaveLength(30);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(30);
    const sent = (await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM outbound_messages WHERE status = 'sent'`)).rows[0]!.n;
    expect(sent).toBe(30);
  });
});
