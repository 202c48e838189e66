import { connection } from 'next/server';

/**
 * For shared content read from the database (through a cached function) in a layout that pages
 * prerendered at build share: at build it waits for a request (`connection()`), so the build never
 * opens the database and those pages keep it as a hole filled per request from the cache; at run
 * time it does not wait, so a page prerendered on its first request (a product, a department)
 * holds it in its kept HTML and has no hole for it.
 */
export async function requestTimeAtBuild(): Promise<void> {
  if (process.env.NEXT_PHASE === 'phase-production-build') await connection();
}
