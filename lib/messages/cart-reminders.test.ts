import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct, insertStore, insertUser, insertWarehouse } from '@/test/support/fixtures';
import { queueCartReminders } from './cart-reminders';
import { deliverQueuedMessages } from './deliver';
import { fileTransport, memoryTransport, type MessageTransport } from './transport';
import { insertCart, insertOrder, insertSale } from '@/test/support/messages';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let skus: number[];
let store: number;
let warehouse: number;
let camille: number;
let other: number;

beforeAll(async () => {
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  skus = [];
  for (const [i, name] of ['Veste', 'Gourde', 'Bonnet', 'Lampe'].entries()) {
    const p = await insertProduct(conn.db, { slug: `p${i}`, categoryId: cat, nameFr: name, nameEn: `${name} EN`, skus: [{ priceCents: 1000 * (i + 1) }] });
    skus.push(p.skuIds[0]!);
  }
  store = await insertStore(conn.db, { slug: 'lyon', name: 'Lyon Part-Dieu', lat: 45.76, lng: 4.83 });
  warehouse = await insertWarehouse(conn.db);
  camille = await insertUser(conn.db, { email: 'camille@example.com', name: 'Camille Martin' });
  other = await insertUser(conn.db, { email: 'other@example.com', name: 'Hugo Petit' });
});
afterAll(async () => conn?.drop());
beforeEach(async () => {
  await conn.db.execute(sql`DELETE FROM outbound_messages`);
  await conn.db.execute(sql`DELETE FROM carts`);
  await conn.db.execute(sql`DELETE FROM sales`);
  await conn.db.execute(sql`DELETE FROM orders`);
});

type Row = {
  recipient_id: number;
  email: string;
  subject: string;
  body: string;
  status: string;
  payload: { items: { skuId: number }[]; leftOut: { skuId: number; boughtIn: string }[] };
};
async function messages(): Promise<Row[]> {
  return (await conn.db.execute<Row>(sql`SELECT recipient_id, email, subject, body, status, payload FROM outbound_messages ORDER BY id`)).rows;
}
const sku = (i: number) => () => skus[i]!;
const [veste, gourde, bonnet, lampe] = [sku(0), sku(1), sku(2), sku(3)];

describe('queueCartReminders', () => {
  it('queues one reminder for a cart left more than 24 h, listing its items', async () => {
    await insertCart(conn.db, camille, 26, [
      { skuId: veste(), addedHoursAgo: 30, quantity: 2 },
      { skuId: gourde(), addedHoursAgo: 27 },
    ]);
    expect(await queueCartReminders()).toEqual({ queued: 1, skipped: 0 });
    const [m, ...rest] = await messages();
    expect(rest).toHaveLength(0);
    expect(m).toMatchObject({ recipient_id: camille, email: 'camille@example.com', status: 'queued' });
    expect(m!.subject).toBe('Camille, votre panier vous attend');
    expect(m!.body).toContain('Bonjour Camille,');
    expect(m!.body).toMatch(/- Veste × 2 — 20,00\s€/);
    expect(m!.body).toMatch(/- Gourde × 1 — 20,00\s€/);
    expect(m!.body).toContain('/cart');
    expect(m!.payload.items.map((i) => i.skuId)).toEqual([veste(), gourde()]);
  });

  it('writes in the language the shopper last used the shop in (their account), French when unknown', async () => {
    await conn.db.execute(sql`UPDATE users SET locale = 'en' WHERE id = ${other}`);
    try {
      await insertCart(conn.db, other, 26, [{ skuId: veste(), addedHoursAgo: 30 }]);
      await insertCart(conn.db, camille, 26, [{ skuId: gourde(), addedHoursAgo: 30 }]);
      expect(await queueCartReminders()).toEqual({ queued: 2, skipped: 0 });
      const byRecipient = new Map((await messages()).map((m) => [m.recipient_id, m]));
      const hugo = byRecipient.get(other)!;
      expect(hugo.subject).toBe('Hugo, your cart is waiting');
      expect(hugo.body).toContain('Veste EN');
      expect(hugo.body).toContain('/en/cart');
      expect(byRecipient.get(camille)!.subject).toBe('Camille, votre panier vous attend');
    } finally {
      await conn.db.execute(sql`UPDATE users SET locale = NULL WHERE id = ${other}`);
    }
  });

  it('leaves out what was bought since, in a shop (a sale) or online (an order)', async () => {
    await insertCart(conn.db, camille, 30, [
      { skuId: veste(), addedHoursAgo: 50 },
      { skuId: gourde(), addedHoursAgo: 50 },
      { skuId: bonnet(), addedHoursAgo: 50 },
    ]);
    await insertSale(conn.db, { customerId: camille, storeId: store, hoursAgo: 10, skuIds: [veste()] });
    await insertOrder(conn.db, { customerId: camille, locationId: warehouse, hoursAgo: 20, skuIds: [gourde()] });
    expect(await queueCartReminders()).toEqual({ queued: 1, skipped: 0 });
    const [m] = await messages();
    expect(m!.payload.items.map((i) => i.skuId)).toEqual([bonnet()]);
    expect(m!.payload.leftOut).toEqual([
      expect.objectContaining({ skuId: veste(), boughtIn: 'store' }),
      expect.objectContaining({ skuId: gourde(), boughtIn: 'online' }),
    ]);
    expect(m!.body).toContain('Bonnet');
    expect(m!.body).not.toContain('Veste');
    expect(m!.body).not.toContain('Gourde');
  });

  it('still lists an item bought before it was added, bought by someone else, or in a cancelled order', async () => {
    await insertCart(conn.db, camille, 30, [
      { skuId: veste(), addedHoursAgo: 40 },
      { skuId: gourde(), addedHoursAgo: 40 },
      { skuId: bonnet(), addedHoursAgo: 40 },
    ]);
    await insertSale(conn.db, { customerId: camille, storeId: store, hoursAgo: 60, skuIds: [veste()] }); // before
    await insertSale(conn.db, { customerId: other, storeId: store, hoursAgo: 10, skuIds: [gourde()] }); // someone else
    await insertSale(conn.db, { customerId: null, storeId: store, hoursAgo: 10, skuIds: [gourde()] }); // anonymous till
    await insertOrder(conn.db, { customerId: camille, locationId: warehouse, hoursAgo: 10, skuIds: [bonnet()], status: 'cancelled' });
    await queueCartReminders();
    const [m] = await messages();
    expect(m!.payload.items.map((i) => i.skuId)).toEqual([veste(), gourde(), bonnet()]);
    expect(m!.payload.leftOut).toEqual([]);
  });

  it('queues nothing when everything in the cart was bought since', async () => {
    await insertCart(conn.db, camille, 30, [
      { skuId: veste(), addedHoursAgo: 40 },
      { skuId: gourde(), addedHoursAgo: 40 },
    ]);
    await insertSale(conn.db, { customerId: camille, storeId: store, hoursAgo: 5, skuIds: [veste()] });
    await insertOrder(conn.db, { customerId: camille, locationId: store, mode: 'drive', hoursAgo: 5, skuIds: [gourde()], status: 'collected' });
    expect(await queueCartReminders()).toEqual({ queued: 0, skipped: 1 });
    expect(await messages()).toEqual([]);
  });

  it('reminds a cart once per abandonment: not twice, but again once it was changed and left again', async () => {
    const cart = await insertCart(conn.db, camille, 26, [{ skuId: veste(), addedHoursAgo: 26 }]);
    expect((await queueCartReminders()).queued).toBe(1);
    expect((await queueCartReminders()).queued).toBe(0);
    expect(await messages()).toHaveLength(1);
    // She comes back, adds something and leaves again for two days.
    await conn.db.execute(sql`UPDATE carts SET updated_at = now() - interval '48 hours' WHERE id = ${cart}`);
    expect((await queueCartReminders()).queued).toBe(1);
    expect(await messages()).toHaveLength(2);
  });

  it('ignores fresh carts, carts left too long ago, empty carts and anonymous carts', async () => {
    await insertCart(conn.db, camille, 20, [{ skuId: veste(), addedHoursAgo: 20 }]);
    await insertCart(conn.db, other, 24 * 30, [{ skuId: veste(), addedHoursAgo: 24 * 30 }]);
    await insertCart(conn.db, null, 48, [{ skuId: gourde(), addedHoursAgo: 48 }]);
    expect(await queueCartReminders()).toEqual({ queued: 0, skipped: 0 });
    await conn.db.execute(sql`DELETE FROM carts`);
    await insertCart(conn.db, camille, 48, []);
    expect(await queueCartReminders()).toEqual({ queued: 0, skipped: 0 });
    expect(await messages()).toEqual([]);
  });

  it('the idle delay is configurable', async () => {
    await insertCart(conn.db, camille, 5, [{ skuId: lampe(), addedHoursAgo: 5 }]);
    process.env.CART_REMINDER_IDLE_HOURS = '4';
    try {
      expect((await queueCartReminders()).queued).toBe(1);
    } finally {
      delete process.env.CART_REMINDER_IDLE_HOURS;
    }
  });
});

describe('deliverQueuedMessages', () => {
  it('appends readable messages to the outbox file and marks them sent, once', async () => {
    await insertCart(conn.db, camille, 26, [{ skuId: veste(), addedHoursAgo: 26 }]);
    await insertCart(conn.db, other, 27, [{ skuId: gourde(), addedHoursAgo: 27 }]);
    await queueCartReminders();
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'outbox-')), 'messages.log');
    expect(await deliverQueuedMessages({ transport: fileTransport(file) })).toEqual({ sent: 2, failed: 0 });
    expect(await deliverQueuedMessages({ transport: fileTransport(file) })).toEqual({ sent: 0, failed: 0 });
    const text = await fs.readFile(file, 'utf8');
    expect(text.match(/^To: /gm)).toHaveLength(2);
    expect(text).toContain('To: camille@example.com\nSubject: Camille, votre panier vous attend\n\nBonjour Camille,');
    expect(text).toContain('To: other@example.com');
    // The HTML part beside the log, named in it.
    const htmlFile = /\(HTML part: (.+)\)/.exec(text)![1]!;
    expect(path.dirname(htmlFile)).toBe(path.join(path.dirname(file), 'html'));
    expect(await fs.readFile(htmlFile, 'utf8')).toContain('<html lang="fr">');
    const rows = await messages();
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
  });

  it('a failing transport leaves the message queued with the error, then failed after the last attempt', async () => {
    await insertCart(conn.db, camille, 26, [{ skuId: veste(), addedHoursAgo: 26 }]);
    await queueCartReminders();
    const broken: MessageTransport = { name: 'broken', send: async () => Promise.reject(new Error('SMTP said no')) };
    process.env.MESSAGE_MAX_ATTEMPTS = '2';
    try {
      expect(await deliverQueuedMessages({ transport: broken })).toEqual({ sent: 0, failed: 1 });
      const after1 = (
        await conn.db.execute<{ status: string; attempts: number; last_error: string }>(sql`SELECT status, attempts, last_error FROM outbound_messages`)
      ).rows[0];
      expect(after1).toEqual({ status: 'queued', attempts: 1, last_error: 'SMTP said no' });
      // Backing off: not retried at once…
      expect(await deliverQueuedMessages({ transport: broken })).toEqual({ sent: 0, failed: 0 });
      // …but once the back-off has passed.
      await conn.db.execute(sql`UPDATE outbound_messages SET locked_until = now() - interval '1 second'`);
      expect(await deliverQueuedMessages({ transport: broken })).toEqual({ sent: 0, failed: 1 });
      const after2 = (await conn.db.execute<{ status: string; attempts: number }>(sql`SELECT status, attempts FROM outbound_messages`)).rows[0];
      expect(after2).toEqual({ status: 'failed', attempts: 2 });
    } finally {
      delete process.env.MESSAGE_MAX_ATTEMPTS;
    }
  });
});

const d = onPostgres ? describe : describe.skip;
d('several processes at once (PostgreSQL)', () => {
  it('two concurrent reminder runs queue one message per cart', async () => {
    for (let round = 0; round < 5; round++) {
      await conn.db.execute(sql`DELETE FROM outbound_messages`);
      await conn.db.execute(sql`DELETE FROM carts`);
      await insertCart(conn.db, camille, 26, [{ skuId: veste(), addedHoursAgo: 26 }]);
      await insertCart(conn.db, other, 30, [{ skuId: gourde(), addedHoursAgo: 30 }]);
      const runs = await Promise.all([queueCartReminders(), queueCartReminders(), queueCartReminders()]);
      expect(runs.reduce((n, r) => n + r.queued, 0)).toBe(2);
      const rows = await messages();
      expect(rows.map((r) => r.recipient_id).sort()).toEqual([camille, other].sort());
    }
  });

  it('two concurrent deliveries send each message once', async () => {
    await conn.db.execute(sql`
      INSERT INTO outbound_messages (kind, recipient_id, email, subject, body, dedupe_key)
      SELECT 'cart_reminder', ${camille}, 'camille@example.com', 's' || g, 'b', 'k' || g FROM generate_series(1, 40) g`);
    const a = memoryTransport();
    const b = memoryTransport();
    await Promise.all([
      deliverQueuedMessages({ transport: a, limit: 7 }),
      deliverQueuedMessages({ transport: b, limit: 7 }),
      deliverQueuedMessages({ transport: a, limit: 7 }),
      deliverQueuedMessages({ transport: b, limit: 7 }),
    ]);
    const ids = [...a.sent, ...b.sent].map((m) => m.id);
    expect(ids).toHaveLength(28);
    expect(new Set(ids).size).toBe(28);
    const sent = (await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM outbound_messages WHERE status = 'sent'`)).rows[0]!.n;
    expect(sent).toBe(28);
  });
});
