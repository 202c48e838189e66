import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(import.meta.dirname),
  // Domain modules start with `import 'server-only'`; under Vitest they run on the server anyway.
  'server-only': path.resolve(import.meta.dirname, 'test/support/server-only-stub.ts'),
};
const postgresUrl = process.env.TEST_DATABASE_URL;
const shared = {
  include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'components/**/*.test.ts', 'docs/**/*.test.ts', 'test/**/*.test.ts'],
  environment: 'node',
  pool: 'forks',
  testTimeout: 60_000,
  hookTimeout: 120_000,
} as const;

// The same suite runs on the embedded database and, when TEST_DATABASE_URL names a PostgreSQL
// server, on PostgreSQL too (where the race tests mean something).
export default defineConfig({
  resolve: { alias },
  test: {
    // Vitest's default is one file at a time on a two-core machine (cores − 1); the files wait on
    // PostgreSQL and PGlite as much as they compute, so two at once take 92 s where one took 153 s.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        resolve: { alias },
        test: {
          ...shared,
          name: 'pglite',
          env: { TEST_DATABASE_URL: '', POSTGRES_PROJECT: postgresUrl ? '1' : '' },
          globalSetup: ['test/support/pglite-template-setup.ts'],
        },
      },
      ...(postgresUrl
        ? [
            {
              resolve: { alias },
              test: { ...shared, name: 'postgres', env: { TEST_DATABASE_URL: postgresUrl }, globalSetup: ['test/support/postgres-template-setup.ts'] },
            },
          ]
        : []),
    ],
  },
});
