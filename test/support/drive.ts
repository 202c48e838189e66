import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';

/** Drive fixtures for tests and the benchmark (plain SQL, no server-only imports). */
export type PlanWindow = { weekday: number; opens: string; closes: string; slotMinutes?: number; capacity: number };

export async function insertDrivePlan(db: Db, storeId: number, windows: PlanWindow[]): Promise<void> {
  for (const w of windows) {
    await db.execute(sql`
      INSERT INTO drive_slot_plans (store_id, weekday, opens, closes, slot_minutes, capacity)
      VALUES (${storeId}, ${w.weekday}, ${w.opens}, ${w.closes}, ${w.slotMinutes ?? 30}, ${w.capacity})`);
  }
}

/** Mon–Sat 09:00–12:00 and 14:00–20:00, 30-minute slots. */
export function frenchDriveWeek(capacity: number): PlanWindow[] {
  return [1, 2, 3, 4, 5, 6].flatMap((weekday) => [
    { weekday, opens: '09:00', closes: '12:00', capacity },
    { weekday, opens: '14:00', closes: '20:00', capacity },
  ]);
}

let nudge = 0;

/**
 * A slot starting `minutesAhead` from the database's now (tests of cut-off and capacity); a few
 * seconds later each call, so two slots asked for the same minute do not collide.
 */
export async function insertSlotIn(db: Db, storeId: number, minutesAhead: number, capacity: number, lengthMinutes = 30): Promise<number> {
  const start = sql`date_trunc('minute', now()) + make_interval(mins => ${minutesAhead}::int, secs => ${++nudge}::int)`;
  const r = await db.execute<{ id: number }>(sql`
    INSERT INTO drive_slots (store_id, starts_at, ends_at, capacity)
    VALUES (${storeId}, ${start}, ${start} + make_interval(mins => ${lengthMinutes}::int), ${capacity})
    RETURNING id`);
  return r.rows[0]!.id;
}

/** Moves holds' expiry into the past, as if ten minutes had gone by. */
export async function lapseHolds(db: Db, where: { slotId?: number; holder?: string } = {}): Promise<void> {
  await db.execute(sql`
    UPDATE drive_slot_holds SET expires_at = now() - interval '1 second'
    WHERE state = 'held' ${where.slotId ? sql`AND slot_id = ${where.slotId}` : sql``} ${where.holder ? sql`AND holder = ${where.holder}` : sql``}`);
}

export async function takenOf(db: Db, slotId: number): Promise<{ booked: number; held: number; capacity: number }> {
  const r = await db.execute<{ booked: number; held: number; capacity: number }>(sql`
    SELECT (SELECT count(*) FROM drive_slot_bookings WHERE slot_id = s.id AND status = 'booked')::int AS booked,
           (SELECT count(*) FROM drive_slot_holds WHERE slot_id = s.id AND state = 'held' AND expires_at > now())::int AS held,
           s.capacity::int AS capacity
    FROM drive_slots s WHERE s.id = ${slotId}`);
  return r.rows[0]!;
}
