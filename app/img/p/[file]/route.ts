import { parseImageName } from '@/lib/db/seed/images';
import { productSvg } from './svg';

/**
 * Product images, drawn on request from the file name (`chaussures-randonnee-3-navy.svg`).
 * Pure: no database, so an image never waits on a query, and the same name is always the same
 * picture, which is why it may be cached forever.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const name = parseImageName(file);
  if (!name) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(productSvg(name), {
    headers: {
      'Content-Type': 'image/svg+xml',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
