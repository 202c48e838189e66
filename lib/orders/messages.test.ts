import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverQueuedMessages } from '@/lib/messages/deliver';
import { insertSlotIn } from '@/test/support/drive';
import { testAddress, testCard, setUpOrdersWorld } from '@/test/support/orders';
import { startSmtpServer, type TestSmtpServer } from '@/test/support/smtp';
import { markArrived, markOrderReady, startPreparing } from './fulfilment';
import { placeOrder } from './placing';

/*
 * An order's messages, from the domain call that makes them true to what a real SMTP server
 * (smtp-server, started here) received: the confirmation queued with the order, once per checkout
 * key, nothing for a refused one; "ready at the drive" with the status change.
 */

const w = setUpOrdersWorld();
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => smtp?.close());
beforeEach(async () => {
  await w.conn.db.execute(sql`DELETE FROM outbound_messages`);
  smtp.received.length = 0;
  process.env.SMTP_URL = smtp.url;
  process.env.PUBLIC_SITE_URL = 'https://shop.example';
});
afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.PUBLIC_SITE_URL;
});

type Queued = { kind: string; email: string; dedupe_key: string; status: string };
const queued = async () => (await w.conn.db.execute<Queued>(sql`SELECT kind, email, dedupe_key, status FROM outbound_messages ORDER BY id`)).rows;
const emailOf = async (id: number) => (await w.conn.db.execute<{ email: string }>(sql`SELECT email FROM users WHERE id = ${id}`)).rows[0]!.email;

describe('the order confirmation', () => {
  it('a drive order placed in English arrives by SMTP: subject, To, lines, total, pickup, and the order link in both parts', async () => {
    const { customerId, cartId } = await w.shopperWithCart([
      [w.skuA, 2],
      [w.skuB, 1],
    ]);
    const slotId = await insertSlotIn(w.conn.db, w.drive, 24 * 60, 3);
    const placed = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID(), locale: 'en' });
    expect(await queued()).toEqual([expect.objectContaining({ kind: 'order_confirmation', dedupe_key: `order-confirmation:${placed.id}`, status: 'queued' })]);

    expect(await deliverQueuedMessages()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const m = smtp.received[0]!;
    const email = await emailOf(customerId);
    expect(m.to).toBe(email);
    expect(m.envelopeTo).toEqual([email]);
    expect(m.subject).toBe(`Your order ${placed.number} is confirmed`);
    const link = `https://shop.example/en/account/orders/${placed.number}`;
    expect(m.text).toContain(`Thank you for your order ${placed.number}.`);
    expect(m.text).toMatch(/- P × 2 \(S\) — €/);
    expect(m.text).toMatch(/- P × 1 \(M\) — €/);
    expect(m.text).toMatch(/Total: €\d/);
    expect(m.text).toContain('Drive pickup at');
    expect(m.text).toContain(link);
    expect(m.html).toContain('<html lang="en">');
    expect(m.html).toContain(`href="${link}"`);
    expect(m.html).toContain('<caption');
    expect(m.html).not.toMatch(/<style|class=/); // inline styles only
    expect(await queued()).toEqual([expect.objectContaining({ status: 'sent' })]);
  });

  it('a home delivery order in French (the default) names the address, the card payment and the French link', async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuA, 1]], 'delivery');
    const placed = await placeOrder({ customerId, cartId, address: testAddress, payment: testCard('4242424242424242'), idempotencyKey: randomUUID() });
    await deliverQueuedMessages();
    const m = smtp.received[0]!;
    expect(m.subject).toBe(`Votre commande ${placed.number} est confirmée`);
    expect(m.text).toContain('Livraison à domicile à :');
    expect(m.text).toContain(testAddress.address);
    expect(m.text).toContain(`https://shop.example/account/orders/${placed.number}`);
    expect(m.html).toContain('<html lang="fr">');
  });

  it('a retried checkout (same key) queues one confirmation; a refused one queues none', async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuA, 1]]);
    const slotId = await insertSlotIn(w.conn.db, w.drive, 24 * 60, 3);
    const key = randomUUID();
    await placeOrder({ customerId, cartId, slotId, idempotencyKey: key });
    await placeOrder({ customerId, cartId, slotId, idempotencyKey: key });
    expect(await queued()).toHaveLength(1);

    const other = await w.shopperWithCart([[w.skuA, 1]]);
    const full = await insertSlotIn(w.conn.db, w.drive, 24 * 60, 0);
    await expect(placeOrder({ ...other, slotId: full, idempotencyKey: randomUUID() })).rejects.toThrow();
    expect(await queued()).toHaveLength(1);
  });
});

describe('drive order ready', () => {
  it('marking it ready queues the message with the status change, and it arrives by SMTP', async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuB, 1]]);
    const slotId = await insertSlotIn(w.conn.db, w.drive, 24 * 60, 3);
    const placed = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID(), locale: 'en' });
    const staffInput = { orderId: placed.id, locationId: w.drive, actorId: w.staff };
    await startPreparing(staffInput);
    await markOrderReady(staffInput);
    await expect(markOrderReady(staffInput)).rejects.toThrow(); // a second "ready" is refused: no second message
    expect((await queued()).map((q) => q.kind)).toEqual(['order_confirmation', 'drive_order_ready']);
    expect(await deliverQueuedMessages()).toEqual({ sent: 2, failed: 0 });
    const ready = smtp.received.find((r) => r.subject.includes('ready'))!;
    expect(ready.subject).toBe(`Your order ${placed.number} is ready at the drive`);
    expect(ready.text).toContain('“I’m here”');
    expect(ready.html).toContain(`href="https://shop.example/en/account/orders/${placed.number}"`);
  });
});

describe('"I’m here" acknowledged', () => {
  it('the first tap queues one acknowledgement naming the bay; a second tap (a new bay) queues none', async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuB, 1]]);
    const slotId = await insertSlotIn(w.conn.db, w.drive, 24 * 60, 3);
    const placed = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID() });
    await w.conn.db.execute(
      sql`UPDATE drive_slots SET starts_at = now() + interval '20 minutes', ends_at = now() + interval '50 minutes' WHERE id = ${slotId}`,
    );
    await markArrived({ orderId: placed.id, customerId, bay: '7' });
    await markArrived({ orderId: placed.id, customerId, bay: '9' });
    expect((await queued()).map((q) => q.kind)).toEqual(['order_confirmation', 'drive_arrival']);
    await deliverQueuedMessages();
    const ack = smtp.received.find((r) => r.subject.startsWith('Nous savons'))!;
    expect(ack.subject).toBe(`Nous savons que vous êtes là — ${placed.number}`);
    expect(ack.text).toContain('Votre place : 7.');
    expect(ack.html).toContain(`href="https://shop.example/account/orders/${placed.number}"`);
  });
});
