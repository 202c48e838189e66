import { sql } from 'drizzle-orm';
import { arrayLiteral, intArray } from '../sql';
import { driveClosures, driveSettings, driveSlotPlans } from '../schema';
import { addDays, holidaysAhead } from './hours';
import type { Rng } from './prng';
import type { SeededStore } from './stores';
import { chunk } from './text';
import type { SeedTx } from './types';

// Raw SQL throughout: demo data dated from the database's clock (now() - interval …) and written set-wise
// from generated arrays (unnest), once at setup. Issue 20 moves the seed onto the catalogue import.

/*
 * Drive pickup at the hypermarkets: a weekly slot plan (a French drive's hours, Monday to
 * Saturday, a lunch break on weekdays), the cut-off, days the drive shuts while the shop opens
 * (public holidays, an odd staff day), slots for the coming week, and orders already booked on
 * them — busier soon and in the evening, so the picker opens on some full and nearly full slots.
 */

type Window = { weekday: number; opens: string; closes: string; slotMinutes: number; capacity: number };

const WEEKDAYS = [1, 2, 3, 4, 5];

function planFor(rng: Rng): Window[] {
  const capacity = rng.int(6, 12);
  const slotMinutes = rng.pick([30, 30, 30, 60]);
  const [morning, afternoon, saturday] = rng.pick([
    [
      ['09:00', '12:00'],
      ['14:00', '20:00'],
      ['09:00', '19:00'],
    ],
    [
      ['08:30', '12:30'],
      ['14:00', '19:30'],
      ['08:30', '18:30'],
    ],
    [
      ['10:00', '13:00'],
      ['15:00', '20:30'],
      ['09:00', '20:00'],
    ],
  ] as const);
  return [
    ...WEEKDAYS.flatMap((weekday) => [
      { weekday, opens: morning[0], closes: morning[1], slotMinutes, capacity },
      { weekday, opens: afternoon[0], closes: afternoon[1], slotMinutes, capacity },
    ]),
    // Saturday runs straight through, with more pickers on.
    { weekday: 6, opens: saturday[0], closes: saturday[1], slotMinutes, capacity: capacity + 2 },
  ];
}

/** How full a slot is, from its day (0 = today) and its local hour: evenings and Saturdays go first. */
function fillRatio(rng: Rng, dayOffset: number, hour: number, weekday: number): number {
  const soon = [0.75, 0.55, 0.35, 0.2, 0.1, 0.08, 0.05][dayOffset] ?? 0.05;
  const peak = hour >= 17 || weekday === 6 ? 0.3 : hour < 10 ? -0.1 : 0;
  return Math.min(1, Math.max(0, soon + peak + (rng.next() - 0.5) * 0.4));
}

export async function insertDrive(
  tx: SeedTx,
  rng: Rng,
  stores: SeededStore[],
  today: string,
  withBookings: boolean,
): Promise<{ drivePlans: number; driveSlots: number; driveBookings: number }> {
  const drive = await tx.execute<{ id: number }>(sql`SELECT location_id AS id FROM stores WHERE drive ORDER BY location_id`);
  const ids = new Set(drive.rows.map((r) => r.id));
  const driveStores = stores.filter((s) => ids.has(s.id));
  const plans = driveStores.flatMap((s) => planFor(rng).map((w) => ({ ...w, storeId: s.id })));
  for (const batch of chunk(plans, 2000)) await tx.insert(driveSlotPlans).values(batch);
  // Most drives take orders until two hours before; a few need three to pick a full slot.
  await tx.insert(driveSettings).values(driveStores.map((s) => ({ storeId: s.id, cutoffMinutes: rng.pick([120, 120, 120, 180]) })));

  // The hypermarket stays open on most public holidays; its drive does not. And now and then the
  // drive shuts for a day in the coming week (a stocktake of the drive's own reserve).
  const holidays = holidaysAhead(today);
  const closures = driveStores.flatMap((s, i) => {
    const rows = holidays.map((h) => ({ storeId: s.id, day: h.day, reasonFr: h.reasonFr, reasonEn: h.reasonEn }));
    if (i % 6 === 2) rows.push({ storeId: s.id, day: addDays(today, 3 + (i % 3)), reasonFr: 'Drive fermé : inventaire', reasonEn: 'Drive closed: stocktake' });
    return [...new Map(rows.map((r) => [r.day, r])).values()];
  });
  for (const batch of chunk(closures, 2000)) await tx.insert(driveClosures).values(batch).onConflictDoNothing();

  const made = await tx.execute<{ n: number }>(sql`SELECT comptoir_drive_ensure_slots(${today}::date, 7, NULL) AS n`);
  const driveSlots = Number(made.rows[0]!.n);
  if (!withBookings) return { drivePlans: plans.length, driveSlots, driveBookings: 0 };

  const slots = await tx.execute<{ id: number; capacity: number; day: number; hour: number; weekday: number }>(sql`
    SELECT id, capacity::int AS capacity,
           ((starts_at AT TIME ZONE 'Europe/Paris')::date - ${today}::date)::int AS day,
           extract(hour FROM starts_at AT TIME ZONE 'Europe/Paris')::int AS hour,
           extract(isodow FROM starts_at AT TIME ZONE 'Europe/Paris')::int AS weekday
    FROM drive_slots ORDER BY id`);
  const slotIds: number[] = [];
  const refs: string[] = [];
  for (const s of slots.rows) {
    const n = Math.round(s.capacity * fillRatio(rng, s.day, s.hour, s.weekday));
    for (let k = 0; k < n; k++) {
      slotIds.push(s.id);
      refs.push(`DEMO-${s.id}-${k + 1}`);
    }
  }
  // Placeholder orders (no orders table yet): the capacity trigger checks every row all the same.
  for (let i = 0; i < slotIds.length; i += 5000) {
    await tx.execute(sql`
      INSERT INTO drive_slot_bookings (slot_id, order_ref)
      SELECT * FROM unnest(${intArray(slotIds.slice(i, i + 5000))}::int[], ${arrayLiteral(refs.slice(i, i + 5000))}::text[])`);
  }
  return { drivePlans: plans.length, driveSlots, driveBookings: slotIds.length };
}
