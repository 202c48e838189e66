import fs from 'node:fs';
import path from 'node:path';
import { generateDrizzleJson } from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';
import * as schema from './schema';

/*
 * `npm run db:generate` (drizzle-kit) writes a migration from the difference between lib/db/schema.ts
 * and the latest snapshot under lib/db/migrations/meta. Migrations written by hand (a trigger, a view)
 * leave no snapshot, so the latest one must still describe the schema as it is, or drizzle-kit asks
 * about renames that never happened (and, without a terminal, stops). A change to schema.ts lands
 * with its generated migration and snapshot; this fails when they part.
 */
const META = path.join(import.meta.dirname, 'migrations', 'meta');

function latestSnapshot(): { id: string; prevId: string } & Record<string, unknown> {
  const files = fs.readdirSync(META).filter((f) => /^\d{4}_snapshot\.json$/.test(f));
  files.sort();
  return JSON.parse(fs.readFileSync(path.join(META, files.at(-1)!), 'utf8'));
}

describe("drizzle-kit's latest snapshot", () => {
  it('describes lib/db/schema.ts as it is, so db:generate diffs against the truth', () => {
    const latest = latestSnapshot();
    const now = generateDrizzleJson(schema as Record<string, unknown>, latest.prevId) as Record<string, unknown>;
    const strip = ({ id: _id, prevId: _prev, ...rest }: Record<string, unknown>) => rest;
    expect(strip(now), 'run `npm run db:generate` (or rewrite the latest snapshot) after changing lib/db/schema.ts').toEqual(strip(latest));
  });
});
