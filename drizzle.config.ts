import { defineConfig } from 'drizzle-kit';

// Migrations are generated from lib/db/schema.ts and applied by lib/db/setup.ts
// (PGlite or PostgreSQL alike) — never lazily during a render.
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema.ts',
  out: './lib/db/migrations',
});
