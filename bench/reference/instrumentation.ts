/**
 * Deliberately empty. Without a file of its own here, `next build bench/reference` picks up the
 * store's instrumentation.ts at the repository root (the Turbopack root), which checks the store's
 * environment and starts its scheduled jobs on the store's database: the reference must stay blank.
 */
export function register(): void {}
