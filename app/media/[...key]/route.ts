import { isPictureKey } from '@/lib/media/paths';
import { getMediaStorage } from '@/lib/media/storage';

const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });

/**
 * Uploaded pictures (lib/media), from the data folder or the S3 bucket. Only keys this app writes
 * are read (`p/<hash>/<size>.webp`), so no other path reaches the storage. A key names its content,
 * so an answer may be cached for good.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const raw: unknown = (await params).key;
  const key = Array.isArray(raw) ? raw.join('/') : String(raw);
  if (!isPictureKey(key)) return notFound();
  const stored = await getMediaStorage().get(key);
  if (!stored) return notFound();
  return new Response(new Uint8Array(stored.body), {
    headers: {
      'Content-Type': stored.contentType,
      'Content-Length': String(stored.body.byteLength),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
