import { lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { locations, storeClosures, storeHours, stores } from './schema';
import { distanceKmSql, getStoreById, getStoreBySlug, getStoreHours, listStores, listStoresByDistance } from './queries';

let connection: Awaited<ReturnType<typeof useTestDatabase>>;

const towns = [
  { slug: 'lyon-part-dieu', name: 'Lyon Part-Dieu', town: 'Lyon', postcode: '69003', lat: 45.7605, lng: 4.8597 },
  { slug: 'paris-bastille', name: 'Paris Bastille', town: 'Paris', postcode: '75011', lat: 48.8532, lng: 2.3692 },
  { slug: 'saint-etienne-centre', name: 'Saint-Étienne Centre', town: 'Saint-Étienne', postcode: '42000', lat: 45.4397, lng: 4.3872 },
  { slug: 'marseille-vieux-port', name: 'Marseille Vieux-Port', town: 'Marseille', postcode: '13001', lat: 43.2951, lng: 5.3745 },
];

beforeAll(async () => {
  connection = await useTestDatabase();
  const db = connection.db;
  for (const [i, t] of towns.entries()) {
    const [location] = await db
      .insert(locations)
      .values({ code: `S${i}`, kind: 'store', name: t.name })
      .returning({ id: locations.id });
    await db.insert(stores).values({
      locationId: location!.id,
      ...t,
      format: 'city',
      address: `${i + 1} rue de la République`,
      phone: '+33 4 00 00 00 00',
      clickReserve: true,
      drive: i % 2 === 0,
    });
  }
  const lyon = (await getStoreBySlug('lyon-part-dieu'))!;
  await db.insert(storeHours).values([
    { storeId: lyon.id, weekday: 1, opens: '14:00', closes: '19:00' },
    { storeId: lyon.id, weekday: 1, opens: '09:00', closes: '12:00' },
  ]);
  await db.insert(storeClosures).values([
    { storeId: lyon.id, day: '2020-01-01', reasonFr: 'Passé', reasonEn: 'Past' },
    { storeId: lyon.id, day: '2099-05-01', reasonFr: 'Fête du travail', reasonEn: 'Labour Day' },
  ]);
});
afterAll(() => connection.drop());

describe('listStoresByDistance', () => {
  it('orders stores nearest first from a point, with the distance in km', async () => {
    // From Lyon Perrache (45.749, 4.826).
    const nearest = await listStoresByDistance(45.749, 4.826);
    expect(nearest.map((s) => s.slug)).toEqual(['lyon-part-dieu', 'saint-etienne-centre', 'marseille-vieux-port', 'paris-bastille']);
    expect(nearest[0]!.distanceKm).toBeGreaterThan(2);
    expect(nearest[0]!.distanceKm).toBeLessThan(4);
    // Lyon–Paris is about 392 km as the crow flies.
    expect(nearest[3]!.distanceKm).toBeGreaterThan(380);
    expect(nearest[3]!.distanceKm).toBeLessThan(400);
  });

  it('honours the limit', async () => {
    const fromParis = await listStoresByDistance(48.8566, 2.3522, 2);
    expect(fromParis.map((s) => s.slug)).toEqual(['paris-bastille', 'lyon-part-dieu']);
  });

  it('exposes the distance fragment for other queries (select and where)', async () => {
    const km = distanceKmSql(stores.lat, stores.lng, 45.7605, 4.8597);
    const rows = await connection.db.select({ slug: stores.slug, km }).from(stores).where(lt(km, 100));
    expect(rows.map((r) => r.slug).sort()).toEqual(['lyon-part-dieu', 'saint-etienne-centre']);
    expect(rows.find((r) => r.slug === 'lyon-part-dieu')?.km).toBeCloseTo(0, 5);
    expect(typeof rows[0]?.km).toBe('number');
  });
});

describe('store reads', () => {
  it('lists every store with its services', async () => {
    const all = await listStores();
    expect(all).toHaveLength(4);
    expect(all.find((s) => s.slug === 'lyon-part-dieu')?.services).toEqual(['clickReserve', 'drive']);
    expect(all.find((s) => s.slug === 'paris-bastille')?.services).toEqual(['clickReserve']);
  });

  it('finds a store by slug or id, null when unknown', async () => {
    const lyon = await getStoreBySlug('lyon-part-dieu');
    expect(lyon).toMatchObject({ name: 'Lyon Part-Dieu', town: 'Lyon', postcode: '69003' });
    expect(await getStoreById(lyon!.id)).toEqual(lyon);
    expect(await getStoreBySlug('nowhere')).toBeNull();
    expect(await getStoreById(999_999)).toBeNull();
  });

  it('returns the weekly hours as HH:MM and only closures from today on', async () => {
    const lyon = (await getStoreBySlug('lyon-part-dieu'))!;
    const schedule = await getStoreHours(lyon.id, new Date('2025-06-10T10:00:00Z'));
    expect(schedule.hours).toEqual([
      { weekday: 1, opens: '09:00', closes: '12:00' },
      { weekday: 1, opens: '14:00', closes: '19:00' },
    ]);
    expect(schedule.closures).toEqual([{ day: '2099-05-01', reasonFr: 'Fête du travail', reasonEn: 'Labour Day' }]);
    const paris = (await getStoreBySlug('paris-bastille'))!;
    expect(await getStoreHours(paris.id)).toEqual({ hours: [], closures: [] });
  });
});
