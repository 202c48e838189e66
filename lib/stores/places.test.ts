import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { buildPlaceRows, seedPlaces } from './places-data';
import { resolvePlace } from './places';
import { toSearchName } from './search-name';

let connection: Awaited<ReturnType<typeof useTestDatabase>>;
let inserted = 0;

beforeAll(async () => {
  connection = await useTestDatabase();
  inserted = await seedPlaces(connection.db);
}, 120_000);
afterAll(() => connection.drop());

describe('toSearchName', () => {
  it('folds case, accents, hyphens, apostrophes and "St"', () => {
    expect(toSearchName('Saint-Étienne')).toBe('saint etienne');
    expect(toSearchName('  ST-ÉTIENNE ')).toBe('saint etienne');
    expect(toSearchName("L'Haÿ-les-Roses")).toBe('l hay les roses');
    expect(toSearchName('Ste-Foy-lès-Lyon')).toBe('sainte foy les lyon');
    expect(toSearchName('Cœuvres-et-Valsery')).toBe('coeuvres et valsery');
  });
});

describe('seedPlaces', () => {
  it('loads one row per commune and postcode, most of them placed from GeoNames', async () => {
    const { coverage } = buildPlaceRows();
    expect(inserted).toBe(coverage.rows);
    expect(inserted).toBeGreaterThan(35_000);
    expect(coverage.insee + coverage.name).toBeGreaterThan(8_000);
    expect(coverage.unplaced).toBeLessThan(200); // Pacific collectivities, absent from GeoNames' French lists
    const count = await connection.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM places`);
    expect(count.rows[0]?.n).toBe(inserted);
  });

  it('can run again without duplicating rows', async () => {
    expect(await seedPlaces(connection.db)).toBe(inserted);
    const count = await connection.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM places`);
    expect(count.rows[0]?.n).toBe(inserted);
  }, 60_000);
});

describe('resolvePlace', () => {
  it('resolves a postcode to its most populous commune', async () => {
    const lyon = await resolvePlace('69003');
    expect(lyon).toMatchObject({ name: 'Lyon', postcode: '69003' });
    expect(lyon?.lat).toBeCloseTo(45.75, 1);
    expect(lyon?.lng).toBeCloseTo(4.85, 1);
    expect(await resolvePlace('75011')).toMatchObject({ name: 'Paris', postcode: '75011' });
    expect((await resolvePlace('75011'))?.lat).toBeCloseTo(48.86, 1);
  });

  it('resolves a town whatever the case, accents or abbreviation', async () => {
    for (const query of ['saint etienne', 'Saint-Étienne', 'St-Étienne', 'SAINT ETIENNE']) {
      const place = await resolvePlace(query);
      expect(place, query).toMatchObject({ name: 'Saint-Étienne' });
      expect(place?.lat, query).toBeCloseTo(45.43, 1);
    }
    const bordeaux = await resolvePlace('Bordeaux');
    expect(bordeaux).toMatchObject({ name: 'Bordeaux' });
    expect(bordeaux?.lng).toBeCloseTo(-0.58, 1);
  });

  it('falls back to a prefix match, most populous first', async () => {
    expect(await resolvePlace('Montpel')).toMatchObject({ name: 'Montpellier' });
  });

  it('returns null for an unknown postcode or name', async () => {
    expect(await resolvePlace('99999')).toBeNull();
    expect(await resolvePlace('Xyzzyville')).toBeNull();
    expect(await resolvePlace(' ')).toBeNull();
  });

  it('places a village too small for GeoNames near its postcode neighbours', async () => {
    // Every commune of metropolitan France has a position within its own department.
    const far = await connection.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM places WHERE department < '96' AND (lat NOT BETWEEN 41 AND 51.2 OR lng NOT BETWEEN -5.2 AND 9.7)`,
    );
    expect(far.rows[0]?.n).toBe(0);
  });
});
