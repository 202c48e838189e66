/**
 * Background jobs of a server process. Each job is written so that any number of processes may
 * run it at the same moment (conditional transitions, SKIP LOCKED): with several `next start`
 * behind a load balancer every one of them runs the schedule and the effects still happen once.
 */
/**
 * `firstAfterMs`: when the first run comes, for a job too heavy to run at every start (a daily
 * sweep); by default a short random delay (1–3 s, or `everyMs` when shorter).
 * `oncePerFleet`: a job whose work is the same whichever server does it and too heavy to do on
 * each (a sweep of the shared picture store): a server runs it only when it takes the period's
 * turn (`claim`, lib/jobs/claim.ts); the others skip that tick.
 */
export type Job = { name: string; everyMs: number; firstAfterMs?: number; oncePerFleet?: boolean; run: () => Promise<unknown> };

/** Whether this server takes the run of a once-per-fleet job now (lib/jobs/claim.ts claimJobRun). */
export type Claim = (name: string, everyMs: number) => Promise<boolean>;

type Running = { stop: () => void };

/**
 * Runs each job every `everyMs` (first run after a short random delay so processes that started
 * together spread out). A run never overlaps the previous one of the same job; a failure is logged
 * and the next tick tries again — a lost database connection must not kill the server.
 */
export function startJobs(jobs: Job[], log: Pick<Console, 'error'> = console, claim?: Claim): Running {
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  for (const job of jobs) {
    let busy = false;
    const tick = async () => {
      if (busy || stopped) return;
      busy = true;
      try {
        if (job.oncePerFleet) {
          if (!claim) throw new Error('a once-per-fleet job needs a claim');
          if (!(await claim(job.name, job.everyMs))) return;
        }
        await job.run();
      } catch (err) {
        log.error(`job ${job.name} failed; it will run again in ${Math.round(job.everyMs / 1000)} s:`, err instanceof Error ? err.message : err);
      } finally {
        busy = false;
      }
    };
    const first = setTimeout(
      () => {
        void tick();
        const every = setInterval(() => void tick(), job.everyMs);
        every.unref();
        timers.push(every);
      },
      job.firstAfterMs ?? Math.min(job.everyMs, 1_000 + Math.random() * 2_000),
    );
    first.unref();
    timers.push(first);
  }
  return {
    stop: () => {
      stopped = true;
      for (const t of timers) clearTimeout(t);
    },
  };
}
