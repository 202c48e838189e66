import { sql } from 'drizzle-orm';
import type { Rng } from './prng';
import type { SeedTx } from './types';

// Raw SQL throughout: demo data dated from the database's clock (now() - interval …) and written set-wise
// from generated arrays (unnest), once at setup. Issue 20 moves the seed onto the catalogue import.

/*
 * Two booked returns of the demo shopper's delivered orders, at the returns desk of the shop where
 * the demo staff member works: one expected in the next drop-off window (today when the desk is
 * still open, so /staff/returns opens on a return to check in) to be refunded as store credit,
 * and one a couple of days later back to the card. Booked through the same SQL function as
 * bookReturn (the window is made and locked, its capacity checked by the trigger).
 */

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export async function insertDemoReturns(tx: SeedTx, rng: Rng): Promise<number> {
  // The demo desk: the staff member's first shop; it takes returns (the desk journey needs one).
  const desk = (
    await tx.execute<{ id: number }>(sql`
      UPDATE stores SET returns_desk = true
      WHERE location_id = (
        SELECT m.store_id FROM staff_memberships m JOIN users u ON u.id = m.user_id
        WHERE u.email = 'sam@example.com' ORDER BY m.store_id LIMIT 1)
      RETURNING location_id AS id`)
  ).rows[0];
  const demo = (await tx.execute<{ id: number }>(sql`SELECT id FROM users WHERE email = 'camille@example.com'`)).rows[0];
  if (!desk || !demo) return 0;
  // Her delivered orders, most recently delivered first, each with its first line.
  const delivered = (
    await tx.execute<{ order_id: number; line_id: number }>(sql`
      SELECT o.id AS order_id, (SELECT min(l.id) FROM order_lines l WHERE l.order_id = o.id) AS line_id
      FROM orders o JOIN order_events e ON e.order_id = o.id AND e.kind = 'delivered'
      WHERE o.customer_id = ${demo.id} AND o.status = 'delivered' AND e.at > now() - interval '30 days'
      ORDER BY e.at DESC`)
  ).rows;
  const windows = (
    await tx.execute<{ starts_at: string }>(sql`
      SELECT starts_at FROM comptoir_return_windows(${desk.id}::int, (now() AT TIME ZONE 'Europe/Paris')::date, 14)
      -- Hours ahead, not the next slot: a database seeded now stays "booked for later" while it is
      -- used (the test suite seeds a template once; the next window could start minutes later).
      WHERE starts_at > now() + interval '3 hours' ORDER BY starts_at LIMIT 30`)
  ).rows;
  const plans: { refund: 'store_credit' | 'card'; reason: string; window: number }[] = [
    { refund: 'store_credit', reason: 'changed_mind', window: 0 },
    { refund: 'card', reason: 'defective', window: Math.min(windows.length - 1, 20) },
  ];
  let made = 0;
  for (const [i, plan] of plans.entries()) {
    const order = delivered[i];
    const window = windows[plan.window];
    if (!order || !window) break;
    let code = 'R-';
    for (let k = 0; k < 6; k++) code += ALPHABET[rng.int(0, ALPHABET.length - 1)];
    const ret = await tx.execute<{ id: number }>(sql`
      INSERT INTO returns (code, order_id, customer_id, store_id, window_id, refund_method, idempotency_key, booked_at)
      VALUES (${code}, ${order.order_id}, ${demo.id}, ${desk.id},
              (comptoir_return_lock_window(${desk.id}::int, ${window.starts_at}::timestamptz, 14, 4)).id,
              ${plan.refund}, ${`seed-return-${i + 1}`}, now() - interval '1 day')
      RETURNING id`);
    const id = ret.rows[0]!.id;
    await tx.execute(sql`
      INSERT INTO return_lines (return_id, order_line_id, quantity, reason) VALUES (${id}, ${order.line_id}, 1, ${plan.reason})`);
    await tx.execute(sql`
      INSERT INTO return_events (return_id, kind, actor_id, note, at) VALUES (${id}, 'booked', ${demo.id}, ${window.starts_at}, now() - interval '1 day')`);
    made++;
  }
  return made;
}
