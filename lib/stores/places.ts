import 'server-only';
import { desc, eq, like, or, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { places } from './schema';
import { toSearchName } from './search-name';

export type ResolvedPlace = { name: string; postcode: string; lat: number; lng: number };

const POSTCODE = /\b(\d{5})\b/;

/**
 * What a shopper typed ("69003", "Saint-Étienne", "st etienne", "Lyon 69003") → a position.
 * A postcode wins over a name; among communes sharing a postcode or a name, the most populous.
 */
export async function resolvePlace(query: string): Promise<ResolvedPlace | null> {
  const db = await getDb();
  const columns = { name: places.name, postcode: places.postcode, lat: places.lat, lng: places.lng };
  const postcode = POSTCODE.exec(query)?.[1];
  if (postcode) {
    const [row] = await db.select(columns).from(places).where(eq(places.postcode, postcode)).orderBy(desc(places.population), places.name).limit(1);
    return row ?? null;
  }
  const name = toSearchName(query);
  if (name.length < 2) return null;
  const prefix = `${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const [row] = await db
    .select(columns)
    .from(places)
    .where(or(eq(places.searchName, name), like(places.searchName, prefix)))
    .orderBy(sql`${places.searchName} = ${name} desc`, desc(places.population), places.postcode)
    .limit(1);
  return row ?? null;
}
