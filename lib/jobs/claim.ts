import 'server-only';
import { lte, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { jobRuns } from './schema';

/**
 * How much earlier than a whole period a server may take the next run: the servers' timers and the
 * database's clock drift, and the server that ran the last one must not lose its own next turn to a
 * few seconds.
 */
const SLACK = 0.1;

/**
 * Takes this period's run of a once-per-fleet job (lib/jobs/schedule.ts, `oncePerFleet`): true when
 * this server is to run it now, false when another server started it less than a period ago. One
 * statement — insert the first start, or move it forward only if the last is old enough — so of two
 * servers asking at once exactly one gets true (the row's lock orders them). A run that fails keeps
 * its claim: the next try is a period later, as for a job every server runs.
 */
export async function claimJobRun(name: string, everyMs: number): Promise<boolean> {
  const db = await getDb();
  const seconds = (everyMs * (1 - SLACK)) / 1000;
  const claimed = await db
    .insert(jobRuns)
    .values({ name, startedAt: sql`now()` })
    .onConflictDoUpdate({
      target: jobRuns.name,
      set: { startedAt: sql`now()` },
      setWhere: lte(jobRuns.startedAt, sql`now() - make_interval(secs => ${seconds})`),
    })
    .returning({ name: jobRuns.name });
  return claimed.length === 1;
}
