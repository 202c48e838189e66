import type { TestProject } from 'vitest/node';
import { createPostgresTemplate, dropDatabase, dropOrphanedTestDatabases } from './db';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's migrated PostgreSQL template database (test/support/db.ts), '' when there is none. */
    postgresTemplate: string;
  }
}

/**
 * Vitest global setup of the PostgreSQL project: migrates one database from empty, which every test
 * file's database is then copied from, and drops it when the run ends. First it drops what killed
 * runs left behind on this machine's server.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    project.provide('postgresTemplate', '');
    return;
  }
  await dropOrphanedTestDatabases(adminUrl);
  const name = await createPostgresTemplate(adminUrl);
  project.provide('postgresTemplate', name);
  return () => dropDatabase(adminUrl, name);
}
