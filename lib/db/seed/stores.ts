import { importWithin } from '../../import/run';
import { locations, storeClosures, stores } from '../schema';
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

const WEEKDAY_COLUMNS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A shop's week as the import's store rows write it: "09:30-12:30 14:00-19:00" per weekday, '' when closed. */
function hoursColumns(rows: HoursRow[]): Record<(typeof WEEKDAY_COLUMNS)[number], string> {
  return Object.fromEntries(
    WEEKDAY_COLUMNS.map((day, i) => [
      day,
      rows
        .filter((h) => h.weekday === i + 1)
        .sort((a, b) => a.opens.localeCompare(b.opens))
        .map((h) => `${h.opens}-${h.closes}`)
        .join(' '),
    ]),
  ) as Record<(typeof WEEKDAY_COLUMNS)[number], string>;
}

/**
 * Inserts the web warehouse, then the shops with their services and hours through the import
 * (lib/import: the same rows a retailer's file would hold), then their closures; returns the
 * shops' ids. The PRNG draws are made in the same order as before the import existed, so the
 * shops, their ids and hours are the same.
 */
export async function insertStores(
  tx: SeedTx,
  seeds: StoreSeed[],
  rng: Rng,
  today: string,
): Promise<{ warehouseId: number; stores: SeededStore[]; hours: number; closures: number }> {
  const [warehouse] = await tx.insert(locations).values({ code: WAREHOUSE_CODE, kind: 'warehouse', name: 'Entrepôt web' }).returning({ id: locations.id });
  if (!warehouse) throw new Error('warehouse insert returned nothing');

  let hours = 0;
  const closureRows: (ClosureRow & { slug: string })[] = [];
  const rows = seeds.map((s, index) => {
    const full = FULL_SERVICE.has(s.slug);
    const week = buildHours(s.format, s.small ?? false, rng);
    hours += week.length;
    closureRows.push(...closuresFor(s.format, index, today).map((c) => ({ ...c, slug: s.slug })));
    const phoneNumber = phone(s.postcode, rng);
    const clickReserve = full || (s.format !== 'outlet' && rng.chance(0.92));
    const returnsDesk = full || s.format !== 'city' || rng.chance(0.7);
    const phoneOrders = rng.chance(0.35);
    const services = [clickReserve && 'click_reserve', s.format === 'hyper' && 'drive', returnsDesk && 'returns_desk', phoneOrders && 'phone_orders'].filter(
      Boolean,
    );
    return {
      slug: s.slug,
      code: s.code,
      name: s.name,
      format: s.format,
      address: s.address,
      town: s.town,
      postcode: s.postcode,
      lat: s.lat,
      lng: s.lng,
      phone: phoneNumber,
      services: services.join(' '),
      ...hoursColumns(week),
    };
  });
  await importWithin(tx, { kind: 'stores', format: 'json', body: rows, actor: { type: 'seed' }, locale: 'fr', fileName: 'seed-stores.json' });

  const placed = await tx.select({ id: stores.locationId, slug: stores.slug, format: stores.format }).from(stores);
  const idOf = new Map(placed.map((p) => [p.slug, p]));
  const seeded: SeededStore[] = seeds.map((s) => {
    const p = idOf.get(s.slug);
    if (!p) throw new Error(`seed: store ${s.slug} was not imported`);
    return { id: p.id, slug: s.slug, format: s.format };
  });
  const closures = closureRows.map(({ slug, ...c }) => ({ ...c, storeId: idOf.get(slug)!.id }));
  for (const batch of chunk(closures, 2000)) await tx.insert(storeClosures).values(batch);
  return { warehouseId: warehouse.id, stores: seeded, hours, closures: closures.length };
}
