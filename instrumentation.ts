/**
 * Next.js calls register() once when a server process starts (not during `next build`). It checks
 * the environment, opens the database (so a second server on a held embedded folder exits here,
 * before a load balancer could call it healthy), then starts the background jobs on the Node.js
 * runtime. The jobs are safe to run on every process of a fleet at once (lib/jobs/schedule.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // Before anything can fail: no logged error may carry a failed query's values (lib/errors.ts).
  const { redactConsole } = await import('./lib/errors');
  redactConsole();
  // A mistyped setting stops the server here, naming the variable, not a shopper's checkout later.
  const { environmentProblems } = await import('./lib/env');
  const problems = environmentProblems();
  if (problems.length > 0) {
    console.error(`\nComptoir cannot start: its environment is not valid.\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  // PGlite: takes the folder's lock now. PostgreSQL: only makes the pool (no connection yet), so
  // a server may start while the database is away and recover when it is back.
  const { getConnection } = await import('./lib/db/client');
  try {
    await getConnection();
  } catch (err) {
    // PGlite can throw a value that is not an Error (seen as "[object Object]"): show what it holds.
    const { inspect } = await import('node:util');
    console.error(`\nComptoir cannot start: its database cannot be opened.\n  ${err instanceof Error ? err.message : inspect(err, { depth: 3 })}\n`);
    process.exit(1);
  }
  // The sign-in throttle counts by the socket's address, which Next.js does not pass on by itself.
  const { stampPeerAddress } = await import('./lib/http/client-address');
  await stampPeerAddress();
  // Catalogue and store changes, announced by the database, expire this process's cached pages.
  const { startCatalogExpiry } = await import('./lib/cache/catalog-expiry');
  startCatalogExpiry();
  const { startServerJobs } = await import('./lib/jobs');
  startServerJobs();
}
