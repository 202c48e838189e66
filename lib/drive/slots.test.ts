import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { insertStore } from '@/test/support/fixtures';
import { ensureDriveSlots } from './commands';
import { DriveNotAvailableError } from './errors';
import { listDriveStores, listSlots } from './queries';
import { frenchDriveWeek, insertDrivePlan, insertSlotIn } from '@/test/support/drive';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let store: number;
let sundayStore: number;
let noDrive: number;

beforeAll(async () => {
  conn = await useTestDatabase();
  store = await insertStore(conn.db, { slug: 'drive-lyon', lat: 45.76, lng: 4.83, drive: true });
  sundayStore = await insertStore(conn.db, { slug: 'drive-dimanche', lat: 45.7, lng: 4.8, drive: true });
  noDrive = await insertStore(conn.db, { slug: 'city', lat: 45.75, lng: 4.85 });
  await insertDrivePlan(conn.db, store, frenchDriveWeek(8));
  await insertDrivePlan(
    conn.db,
    sundayStore,
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '10:00', slotMinutes: 60, capacity: 4 })),
  );
  await insertDrivePlan(conn.db, noDrive, frenchDriveWeek(8)); // a plan alone does not make a drive
});
afterAll(async () => conn?.drop());

async function slotsOf(storeId: number, fromLocal: string, toLocal: string) {
  const r = await conn.db.execute<{ local: string; utc: string; ends: string; capacity: number }>(sql`
    SELECT to_char(starts_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD HH24:MI') AS local,
           to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS utc,
           to_char(ends_at AT TIME ZONE 'Europe/Paris', 'HH24:MI') AS ends, capacity::int AS capacity
    FROM drive_slots WHERE store_id = ${storeId}
      AND starts_at >= (${fromLocal}::timestamp AT TIME ZONE 'Europe/Paris') AND starts_at < (${toLocal}::timestamp AT TIME ZONE 'Europe/Paris')
    ORDER BY starts_at`);
  return r.rows;
}

describe('slot generation', () => {
  it('makes whole slots in each window for 7 days, Monday to Saturday, and is idempotent', async () => {
    // 2026-06-01 is a Monday; no public holiday that week.
    const added = await ensureDriveSlots({ from: '2026-06-01', days: 7, storeId: store });
    expect(added).toBe(6 * (6 + 12));
    expect(await ensureDriveSlots({ from: '2026-06-01', days: 7, storeId: store })).toBe(0);
    const monday = await slotsOf(store, '2026-06-01', '2026-06-02');
    expect(monday.map((s) => s.local.slice(11))).toEqual([
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      ...Array.from({ length: 12 }, (_, i) => `${String(14 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`),
    ]);
    expect(monday[0]).toMatchObject({ utc: '2026-06-01 07:00', ends: '09:30', capacity: 8 });
    expect(monday.at(-1)).toMatchObject({ local: '2026-06-01 19:30', ends: '20:00' });
    expect(await slotsOf(store, '2026-06-07', '2026-06-08')).toEqual([]); // Sunday: no window
  });

  it('keeps local wall-clock times across the DST changes (spring and autumn)', async () => {
    await ensureDriveSlots({ from: '2026-03-27', days: 4, storeId: sundayStore });
    const spring = await slotsOf(sundayStore, '2026-03-27', '2026-03-31');
    expect(spring.map((s) => `${s.local} ${s.utc.slice(11)}`)).toEqual([
      '2026-03-27 08:00 07:00',
      '2026-03-27 09:00 08:00',
      '2026-03-28 08:00 07:00',
      '2026-03-28 09:00 08:00',
      '2026-03-29 08:00 06:00',
      '2026-03-29 09:00 07:00', // summer time from 02:00 that Sunday
      '2026-03-30 08:00 06:00',
      '2026-03-30 09:00 07:00',
    ]);
    await ensureDriveSlots({ from: '2026-10-24', days: 3, storeId: sundayStore });
    const autumn = await slotsOf(sundayStore, '2026-10-24', '2026-10-27');
    expect(autumn.map((s) => s.utc.slice(11))).toEqual(['06:00', '07:00', '07:00', '08:00', '07:00', '08:00']);
  });

  it('skips days the store or the drive is closed', async () => {
    await conn.db.execute(
      sql`INSERT INTO store_closures (store_id, day, reason_fr, reason_en) VALUES (${store}, '2026-07-14', 'Fête nationale', 'Bastille Day')`,
    );
    await conn.db.execute(sql`INSERT INTO drive_closures (store_id, day, reason_fr, reason_en) VALUES (${store}, '2026-07-15', 'Inventaire', 'Stocktake')`);
    await ensureDriveSlots({ from: '2026-07-13', days: 4, storeId: store });
    const days = (await slotsOf(store, '2026-07-13', '2026-07-17')).map((s) => s.local.slice(0, 10));
    expect([...new Set(days)]).toEqual(['2026-07-13', '2026-07-16']);
  });

  it('makes no slots for a store without drive, even with a plan', async () => {
    await ensureDriveSlots({ from: '2026-06-01', days: 7 });
    expect(await slotsOf(noDrive, '2026-06-01', '2026-06-08')).toEqual([]);
  });
});

describe('listSlots', () => {
  it('lists 7 local days from today, generating the slots on first read', async () => {
    const view = await listSlots(sundayStore);
    expect(view.days).toHaveLength(7);
    expect(view.cutoffMinutes).toBe(120);
    expect(view.holdMinutes).toBe(10);
    const today = view.days[0]!.date;
    const count = await conn.db.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM drive_slots WHERE store_id = ${sundayStore}
        AND (starts_at AT TIME ZONE 'Europe/Paris')::date BETWEEN ${today}::date AND ${today}::date + 6`);
    expect(count.rows[0]!.n).toBe(14);
    for (const day of view.days.slice(1)) {
      expect(day.slots.map((s) => [s.start, s.end, s.state, s.remaining])).toEqual([
        ['08:00', '09:00', 'open', 4],
        ['09:00', '10:00', 'open', 4],
      ]);
    }
    for (const s of view.days.flatMap((d) => d.slots)) expect(Date.parse(s.startsAt)).toBeGreaterThan(Date.parse(view.asOf));
    expect(view.days.every((d) => !d.closed)).toBe(true); // open every day, even when today's slots are over
    const week = await listSlots(store);
    expect(week.days.filter((d) => d.closed).map((d) => d.weekday)).toEqual([7]); // no Sunday window
  });

  it('marks slots inside the cut-off, and those of a day closed after they were made', async () => {
    const soon = await insertSlotIn(conn.db, store, 90, 5);
    const later = await insertSlotIn(conn.db, store, 60 * 24 * 3, 5); // three days ahead: inside the 7 days
    const states = async () => {
      const all = (await listSlots(store)).days.flatMap((d) => d.slots);
      return [all.find((s) => s.id === soon)?.state, all.find((s) => s.id === later)?.state];
    };
    expect(await states()).toEqual(['past_cutoff', 'open']);
    await conn.db.execute(sql`INSERT INTO drive_settings (store_id, cutoff_minutes) VALUES (${store}, 60)`); // a one-hour cut-off
    expect(await states()).toEqual(['open', 'open']);
    await conn.db.execute(sql`
      INSERT INTO drive_closures (store_id, day, reason_fr, reason_en)
      SELECT store_id, (starts_at AT TIME ZONE 'Europe/Paris')::date, 'Fermeture exceptionnelle', 'Closed today' FROM drive_slots WHERE id = ${later}`);
    expect(await states()).toEqual(['open', 'closed']);
    const day = (await listSlots(store)).days.find((d) => d.slots.some((s) => s.id === later))!;
    expect(day).toMatchObject({ closed: true, closure: { fr: 'Fermeture exceptionnelle', en: 'Closed today' } });
  });

  it('refuses a store without drive or unknown', async () => {
    await expect(listSlots(noDrive)).rejects.toBeInstanceOf(DriveNotAvailableError);
    await expect(listSlots(999_999)).rejects.toBeInstanceOf(DriveNotAvailableError);
    await expect(listSlots(-1)).rejects.toBeInstanceOf(DriveNotAvailableError);
  });

  it('lists the drive stores that have a plan', async () => {
    expect((await listDriveStores()).map((s) => s.slug)).toEqual(['drive-dimanche', 'drive-lyon']);
  });
});
