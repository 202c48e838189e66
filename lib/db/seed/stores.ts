import { locations, storeClosures, storeHours, stores } from '../schema';
import { addDays, buildHours, holidaysAhead, nextWeekday, type ClosureRow, type HoursRow } from './hours';
import type { Rng } from './prng';
import { DEMO_STORES, phonePrefix, type StoreFormat, type StoreSeed } from './store-data';
import { chunk, slugify } from './text';
import type { SeedTx } from './types';

/** Store slugs that tests and docs can rely on. */
export const PARIS_STORE_SLUG = 'paris-les-halles';
export const LYON_STORE_SLUG = 'lyon-part-dieu';
export const HYPER_STORE_SLUG = 'villeurbanne';
export const OUTLET_STORE_SLUG = 'troyes-outlet';
/** Closes for lunch and on Monday morning. */
export const SMALL_TOWN_STORE_SLUG = 'pau';
export const WAREHOUSE_CODE = 'WEB';

// Shops that must offer the desks the staff console and the shopper journeys exercise.
const FULL_SERVICE = new Set([PARIS_STORE_SLUG, LYON_STORE_SLUG, HYPER_STORE_SLUG]);

export interface SeededStore {
  id: number;
  slug: string;
  format: StoreFormat;
}

/** The demo shops, plus for the large scale extra shops jittered around the same towns. */
export function storeSeeds(scale: 'demo' | 'large', rng: Rng): StoreSeed[] {
  const all: StoreSeed[] = [...DEMO_STORES];
  if (scale === 'demo') return all;
  const towns = [...new Map(DEMO_STORES.map((s) => [s.town, s])).values()];
  const formats: StoreFormat[] = ['hyper', 'city', 'city', 'hyper', 'city', 'city', 'hyper', 'city', 'outlet', 'city'];
  for (let i = 0; all.length < 520; i++) {
    const base = towns[i % towns.length] as StoreSeed;
    const n = Math.floor(i / towns.length) + 2;
    all.push({
      slug: `${slugify(base.town)}-${n}`,
      code: `${base.code}-${n}`,
      name: `Comptoir ${base.town} ${n}`,
      format: formats[i % formats.length] as StoreFormat,
      address: `${rng.int(1, 180)} ${rng.pick(['rue', 'avenue', 'boulevard', 'allée'])} ${rng.pick(STREETS)}`,
      postcode: base.postcode,
      town: base.town,
      // Within about 4 km of the town, so coastal towns stay on land.
      lat: round(base.lat + (rng.next() - 0.5) * 0.07),
      lng: round(base.lng + (rng.next() - 0.5) * 0.1),
    });
  }
  return all;
}

const STREETS = [
  'de la République',
  'Victor Hugo',
  'Jean Jaurès',
  'de la Gare',
  'du Commerce',
  'des Lilas',
  'Pasteur',
  'Gambetta',
  'du Général de Gaulle',
  'de la Liberté',
];

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

function phone(postcode: string, rng: Rng): string {
  const pairs = [rng.int(20, 99), rng.int(10, 99), rng.int(10, 99), rng.int(10, 99)];
  return [phonePrefix(postcode), ...pairs.map((n) => String(n).padStart(2, '0'))].join(' ');
}

function closuresFor(format: StoreFormat, index: number, today: string): ClosureRow[] {
  const holidays = holidaysAhead(today).filter((h) => format === 'city' || h.everyone);
  const rows: ClosureRow[] = holidays.map(({ day, reasonFr, reasonEn }) => ({ day, reasonFr, reasonEn }));
  if (index % 11 === 4) {
    rows.push({ day: nextWeekday(addDays(today, 20), 1), reasonFr: 'Inventaire annuel', reasonEn: 'Annual stocktake' });
  }
  if (index % 19 === 7) {
    const first = nextWeekday(addDays(today, 45), 2);
    for (const day of [first, addDays(first, 1)]) {
      rows.push({ day, reasonFr: 'Travaux de rénovation', reasonEn: 'Closed for refurbishment' });
    }
  }
  return [...new Map(rows.map((r) => [r.day, r])).values()];
}

/** Inserts the web warehouse, the shops, their hours and closures; returns the shops' ids. */
export async function insertStores(
  tx: SeedTx,
  seeds: StoreSeed[],
  rng: Rng,
  today: string,
): Promise<{ warehouseId: number; stores: SeededStore[]; hours: number; closures: number }> {
  const [warehouse] = await tx.insert(locations).values({ code: WAREHOUSE_CODE, kind: 'warehouse', name: 'Entrepôt web' }).returning({ id: locations.id });
  if (!warehouse) throw new Error('warehouse insert returned nothing');

  const seeded: SeededStore[] = [];
  const hourRows: (HoursRow & { storeId: number })[] = [];
  const closureRows: (ClosureRow & { storeId: number })[] = [];
  let index = 0;
  for (const batch of chunk(seeds, 500)) {
    const ids = await tx
      .insert(locations)
      .values(batch.map((s) => ({ code: s.code, kind: 'store' as const, name: s.name })))
      .returning({ id: locations.id });
    const rows = batch.map((s, i) => {
      const id = (ids[i] as { id: number }).id;
      const full = FULL_SERVICE.has(s.slug);
      seeded.push({ id, slug: s.slug, format: s.format });
      hourRows.push(...buildHours(s.format, s.small ?? false, rng).map((h) => ({ ...h, storeId: id })));
      closureRows.push(...closuresFor(s.format, index++, today).map((c) => ({ ...c, storeId: id })));
      return {
        locationId: id,
        slug: s.slug,
        name: s.name,
        format: s.format,
        address: s.address,
        postcode: s.postcode,
        town: s.town,
        lat: s.lat,
        lng: s.lng,
        phone: phone(s.postcode, rng),
        clickReserve: full || (s.format !== 'outlet' && rng.chance(0.92)),
        drive: s.format === 'hyper',
        returnsDesk: full || s.format !== 'city' || rng.chance(0.7),
        phoneOrders: rng.chance(0.35),
      };
    });
    await tx.insert(stores).values(rows);
  }
  for (const batch of chunk(hourRows, 2000)) await tx.insert(storeHours).values(batch);
  for (const batch of chunk(closureRows, 2000)) await tx.insert(storeClosures).values(batch);
  return { warehouseId: warehouse.id, stores: seeded, hours: hourRows.length, closures: closureRows.length };
}
