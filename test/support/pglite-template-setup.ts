import { pgliteTemplate } from './db';

/** Vitest global setup: the migrated PGlite snapshot every test file starts from, made once. */
export default async function setup(): Promise<void> {
  await pgliteTemplate();
}
