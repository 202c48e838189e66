import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { claimJobRun } from './claim';

const DAY = 24 * 3600_000;
let conn: Awaited<ReturnType<typeof useTestDatabase>>;

beforeAll(async () => {
  conn = await useTestDatabase();
});
afterAll(async () => conn?.drop());

/** As if the last run of `name` had started `hours` ago. */
const lastStarted = (name: string, hours: number) =>
  conn.db.execute(sql`UPDATE job_runs SET started_at = now() - make_interval(hours => ${hours}) WHERE name = ${name}`);

describe('claimJobRun: a once-per-fleet job runs on one server per period', () => {
  it('the first server to ask takes the run; the others skip it until a period has gone by', async () => {
    expect(await claimJobRun('sweep-a', DAY)).toBe(true);
    expect(await claimJobRun('sweep-a', DAY)).toBe(false); // another server, the same day
    await lastStarted('sweep-a', 12);
    expect(await claimJobRun('sweep-a', DAY)).toBe(false);
    // The server that ran it, its timer a little early against the database's clock: still its turn.
    await lastStarted('sweep-a', 23);
    expect(await claimJobRun('sweep-a', DAY)).toBe(true);
    expect(await claimJobRun('sweep-a', DAY)).toBe(false);
  });

  it('each job has its own turn', async () => {
    expect(await claimJobRun('sweep-b', DAY)).toBe(true);
    expect(await claimJobRun('sweep-c', DAY)).toBe(true);
  });

  it.runIf(onPostgres)('twenty servers asking at the same moment: exactly one runs it (PostgreSQL)', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => claimJobRun('sweep-race', DAY)));
    expect(answers.filter(Boolean)).toHaveLength(1);
    await lastStarted('sweep-race', 25);
    const again = await Promise.all(Array.from({ length: 20 }, () => claimJobRun('sweep-race', DAY)));
    expect(again.filter(Boolean)).toHaveLength(1);
  });
});
