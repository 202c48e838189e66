import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(import.meta.dirname),
  // Domain modules start with `import 'server-only'`; under Vitest they run on the server anyway.
  'server-only': path.resolve(import.meta.dirname, 'lib/testing/server-only-stub.ts'),
};
const postgresUrl = process.env.TEST_DATABASE_URL;
const shared = {
  include: ['lib/**/*.test.ts'],
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
    projects: [
      { resolve: { alias }, test: { ...shared, name: 'pglite', env: { TEST_DATABASE_URL: '' }, globalSetup: ['lib/testing/pglite-template-setup.ts'] } },
      ...(postgresUrl
        ? [{ resolve: { alias }, test: { ...shared, name: 'postgres', env: { TEST_DATABASE_URL: postgresUrl } } }]
        : []),
    ],
  },
});
