import 'server-only';
import { and, asc, eq, exists, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { ensureDriveSlots } from './commands';
import { storeClosuresSql, storeFacts, storeRowsSql } from '@/lib/stores/read';
import { DEFAULT_CUTOFF_MINUTES, driveConfig } from './config';
import { driveSettings, driveSlotPlans } from './schema';
import { DriveNotAvailableError } from './errors';
import { holderKey, type SlotHolder } from './holder';
import type { DriveDayView, DriveSlotState, DriveSlotsView } from './types';

export type { DriveDayView, DriveSlotState, DriveSlotView, DriveSlotsView } from './types';

/**
 * The slots of a drive store for the next `days` local days (today included), with the places
 * left and whether each can still be chosen. Slots that have started are left out (a planned day
 * can end up with none: late in the evening); a closed day keeps its slots (a closure added after
 * they were made) but all are `closed`. Makes sure the
 * slot rows exist first, so a store is never shown empty because the job has not run yet.
 */
export async function listSlots(storeId: number, opts: { days?: number; holder?: SlotHolder } = {}): Promise<DriveSlotsView> {
  if (!Number.isSafeInteger(storeId) || storeId <= 0 || storeId > 2_147_483_647) throw new DriveNotAvailableError();
  const days = opts.days ?? driveConfig().daysAhead;
  const holder = opts.holder ? holderKey(opts.holder) : null;
  const db = await getDb();
  // Raw SQL: today and the as-of time are read at the database's clock, in Paris time, with the store's cut-off.
  const store = await db.execute<{ cutoff: number; today: string; as_of: string }>(sql`
    SELECT COALESCE(ds.cutoff_minutes, 120)::int AS cutoff,
           to_char(now() AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS today, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS as_of
    FROM ${storeRowsSql} s LEFT JOIN drive_settings ds ON ds.store_id = s.location_id
    WHERE s.location_id = ${storeId} AND s.drive`);
  const info = store.rows[0];
  if (!info) throw new DriveNotAvailableError();
  await ensureDriveSlots({ from: info.today, days, storeId });

  // Raw SQL: the days are a generate_series with a LATERAL closure lookup; the slots count places with
  // the invariant's own function (comptoir_booking_taken), so the page and the trigger never disagree.
  const [dayRows, slotRows] = await Promise.all([
    db.execute<{ day: string; weekday: number; planned: boolean; reason_fr: string | null; reason_en: string | null }>(sql`
      SELECT to_char(d.day, 'YYYY-MM-DD') AS day, extract(isodow FROM d.day)::int AS weekday, c.reason_fr, c.reason_en,
             EXISTS (SELECT 1 FROM drive_slot_plans p WHERE p.store_id = ${storeId} AND p.weekday = extract(isodow FROM d.day)) AS planned
      FROM (SELECT ${info.today}::date + i AS day FROM generate_series(0, ${days - 1}::int) AS i) d
      LEFT JOIN LATERAL (
        SELECT reason_fr, reason_en FROM drive_closures WHERE store_id = ${storeId} AND day = d.day
        UNION ALL
        SELECT sc.reason_fr, sc.reason_en FROM ${storeClosuresSql} sc WHERE sc.store_id = ${storeId} AND sc.day = d.day
        LIMIT 1
      ) c ON true
      ORDER BY d.day`),
    // Raw SQL: see above (the invariant's count, and times at the database's clock).
    db.execute<SlotRow>(sql`
      SELECT s.id, s.capacity::int AS capacity,
             to_char(s.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS starts_at,
             to_char(s.ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS ends_at,
             to_char(s.starts_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS day,
             to_char(s.starts_at AT TIME ZONE 'Europe/Paris', 'HH24:MI') AS start,
             to_char(s.ends_at AT TIME ZONE 'Europe/Paris', 'HH24:MI') AS "end",
             s.starts_at - make_interval(mins => ${info.cutoff}::int) <= now() AS past_cutoff,
             -- The places others take (this shopper's own hold is theirs to keep): the invariant's count.
             comptoir_booking_taken(s.id, NULL, ${holder}::text) AS taken,
             (SELECT to_char(h.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') FROM drive_slot_holds h
              WHERE h.slot_id = s.id AND h.holder = ${holder}::text AND h.state = 'held' AND h.expires_at > now()) AS my_hold
      FROM drive_slots s
      WHERE s.store_id = ${storeId} AND s.starts_at > now()
        AND s.starts_at < ((${info.today}::date + ${days}::int)::timestamp AT TIME ZONE 'Europe/Paris')
      ORDER BY s.starts_at`),
  ]);

  const byDay = new Map<string, DriveDayView>();
  const unplanned = new Set<string>();
  for (const d of dayRows.rows) {
    const closure = d.reason_fr !== null ? { fr: d.reason_fr, en: d.reason_en ?? d.reason_fr } : null;
    byDay.set(d.day, { date: d.day, weekday: d.weekday, closed: closure !== null, closure, slots: [] });
    if (!d.planned) unplanned.add(d.day);
  }
  for (const s of slotRows.rows) {
    const day = byDay.get(s.day);
    if (!day) continue;
    const remaining = Math.max(0, s.capacity - s.taken);
    const state: DriveSlotState = day.closed ? 'closed' : s.past_cutoff ? 'past_cutoff' : remaining <= 0 && !s.my_hold ? 'full' : 'open';
    day.slots.push({
      id: s.id,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      start: s.start,
      end: s.end,
      capacity: s.capacity,
      remaining,
      state,
      heldByYou: s.my_hold !== null,
      holdExpiresAt: s.my_hold,
    });
  }
  // No window in the plan that weekday (Sunday, usually) and no slot made by hand: closed.
  for (const day of byDay.values()) if (unplanned.has(day.date) && day.slots.length === 0) day.closed = true;
  return { storeId, cutoffMinutes: info.cutoff, holdMinutes: driveConfig().holdMinutes, asOf: info.as_of, days: [...byDay.values()] };
}

type SlotRow = {
  id: number;
  capacity: number;
  starts_at: string;
  ends_at: string;
  day: string;
  start: string;
  end: string;
  past_cutoff: boolean;
  taken: number;
  my_hold: string | null;
};

export type DriveStore = { storeId: number; slug: string; name: string; town: string; cutoffMinutes: number };

/** The shops that offer drive pickup and have a slot plan, by name. */
export async function listDriveStores(): Promise<DriveStore[]> {
  const db = await getDb();
  const rows = await db
    .select({ storeId: storeFacts.locationId, slug: storeFacts.slug, name: storeFacts.name, town: storeFacts.town, cutoff: driveSettings.cutoffMinutes })
    .from(storeFacts)
    .leftJoin(driveSettings, eq(driveSettings.storeId, storeFacts.locationId))
    .where(
      and(
        eq(storeFacts.drive, true),
        exists(
          db
            .select({ one: sql`1` })
            .from(driveSlotPlans)
            .where(eq(driveSlotPlans.storeId, storeFacts.locationId)),
        ),
      ),
    )
    .orderBy(asc(storeFacts.name));
  return rows.map(({ cutoff, ...s }) => ({ ...s, cutoffMinutes: cutoff ?? DEFAULT_CUTOFF_MINUTES }));
}
