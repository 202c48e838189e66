import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { imports } from './schema';
import { listImports } from './queries';

/* The back office's import history: newest first, a page at a time by keyset. */

let conn: Awaited<ReturnType<typeof useTestDatabase>>;

beforeAll(async () => {
  conn = await useTestDatabase();
  await conn.db.insert(imports).values(
    Array.from({ length: 5 }, (_, i) => ({
      kind: 'prices' as const,
      format: 'csv' as const,
      actorType: 'seed' as const,
      fileName: `prices-${i}.csv`,
      contentHash: `hash-${i}`,
      status: 'applied' as const,
      rows: 1,
      changed: 1,
    })),
  );
});

afterAll(async () => conn?.drop());

describe('the import history', () => {
  it('pages newest first: the older page goes on where the first stopped, and the last says there is no more', async () => {
    const first = await listImports({ limit: 2 });
    expect(first.imports.map((i) => i.fileName)).toEqual(['prices-4.csv', 'prices-3.csv']);
    const second = await listImports({ limit: 2, before: first.nextBefore! });
    expect(second.imports.map((i) => i.fileName)).toEqual(['prices-2.csv', 'prices-1.csv']);
    const last = await listImports({ limit: 2, before: second.nextBefore! });
    expect(last).toMatchObject({ imports: [{ fileName: 'prices-0.csv' }], nextBefore: null });
    // The whole history fits a default page: no older page.
    expect((await listImports()).nextBefore).toBeNull();
    expect(await listImports({ before: 1 })).toEqual({ imports: [], nextBefore: null });
  });
});
