/**
 * CPU per run of each background job (lib/jobs) with little to do, as in an idle server, and of the
 * stock relay's calls, in this process (with PGlite, the database's work is in it too):
 *   PGLITE_DIR=$PWD/.data/bench node --conditions=react-server --import tsx bench/experiments/jobs-cost.ts
 *   DATABASE_URL=postgres://… (the same; then only the server's side)
 * It runs each job 21 times: on a database you care about, know what they do (they expire due things).
 */
import { serverJobs } from '../../lib/jobs';
import { relayStockChanges } from '../../lib/events/stock-relay';
import { queryRows, getConnection } from '../../lib/db/client';

const N = 20;
async function cost(name: string, everyMs: number, run: () => Promise<unknown>) {
  await run(); // warm: plans, JIT
  const t0 = process.cpuUsage();
  const w0 = performance.now();
  for (let i = 0; i < N; i++) await run();
  const used = process.cpuUsage(t0);
  const ms = (used.user + used.system) / 1000 / N;
  const wall = (performance.now() - w0) / N;
  console.log(
    `${name.padEnd(24)} every ${String(everyMs / 1000).padStart(6)} s: ${ms.toFixed(2)} ms CPU (this process), ${wall.toFixed(2)} ms wall per run → ${((ms / everyMs) * 100).toFixed(4)} % of a core`,
  );
}

async function main() {
  for (const job of serverJobs) await cost(job.name, job.everyMs, job.run);
  await cost('relay sweep (asleep)', 5_000, () => relayStockChanges(queryRows, undefined, { notify: true }));
  await cost('relay poll (before)', 10, () => relayStockChanges(queryRows, undefined, { notify: true }));
  await cost('heartbeat SELECT 1', 5_000, () => queryRows('SELECT 1', []));
  await (await getConnection()).close();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
