import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * MapLibre's web worker, served from our origin. The ESM build locates its worker beside its own
 * module URL, which a bundler rewrites, so components/map sets this URL explicitly.
 */

export async function GET() {
  const file = path.join(process.cwd(), 'node_modules', 'maplibre-gl', 'dist', 'maplibre-gl-worker.mjs');
  return new Response(await fs.readFile(file, 'utf8'), {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=86400, stale-while-revalidate=604800',
    },
  });
}
