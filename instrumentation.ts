/**
 * Next.js calls register() once when a server process starts (not during `next build`). It checks
 * the environment, then starts the background jobs on the Node.js runtime. The jobs are safe to run
 * on every process of a fleet at once (lib/jobs/schedule.ts).
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
  // The sign-in throttle counts by the socket's address, which Next.js does not pass on by itself.
  const { stampPeerAddress } = await import('./lib/http/client-address');
  await stampPeerAddress();
  const { startServerJobs } = await import('./lib/jobs');
  startServerJobs();
}
