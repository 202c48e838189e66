import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The last start of each job that a fleet runs once per period, whichever server's turn it is
 * (lib/jobs/claim.ts): a server starts such a run only by moving `started_at` forward, in one
 * conditional statement, so two servers never both start the same day's run.
 */
export const jobRuns = pgTable('job_runs', {
  name: text('name').primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
});
