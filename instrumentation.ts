/**
 * Next.js calls register() once when a server process starts (not during `next build`). It starts
 * the background jobs — reservation expiry — on the Node.js runtime. They are safe to run on every
 * process of a fleet at once (lib/jobs/schedule.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // A mistyped PAYMENT_PROVIDER stops the server here, not a shopper's checkout later.
  const { checkPaymentConfig } = await import('./lib/payments');
  checkPaymentConfig();
  const { startServerJobs } = await import('./lib/jobs');
  startServerJobs();
}
