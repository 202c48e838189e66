import 'server-only';
import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { DomainError } from '@/lib/errors';
import { PICTURE_MAX_BYTES, PICTURE_MIN_WIDTH, type PictureRefusal } from './limits';
import { PICTURE_SIZES, pictureKey, pictureUrl } from './paths';
import { getMediaStorage } from './storage';

/** Past this many pixels, sharp refuses to decode (a "decompression bomb"). */
const MAX_PIXELS = 50_000_000;
const FORMATS = new Set(['jpeg', 'png', 'webp']);

/** An upload that is not a picture the shop can show, and why. */
export class PictureRefusedError extends DomainError {
  constructor(readonly reason: PictureRefusal) {
    super('picture_refused', `Picture refused: ${reason}.`);
  }
}

/**
 * Checks an upload and stores it in every size the shop uses (lib/media/paths.ts), square, as
 * WebP; answers the address to keep in products.images. The kind is read from the bytes (sharp's
 * decoder), never from the file's name or the browser's type. The same picture twice is the same
 * address (named by its content): stored again, harmlessly.
 */
export async function storePicture(bytes: Buffer): Promise<string> {
  if (bytes.byteLength === 0) throw new PictureRefusedError('missing');
  if (bytes.byteLength > PICTURE_MAX_BYTES) throw new PictureRefusedError('too_large');
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw new PictureRefusedError('type');
  }
  if (!meta.format || !FORMATS.has(meta.format)) throw new PictureRefusedError('type');
  // A phone's photo is often stored sideways with an EXIF orientation: its real width is after rotation.
  const width = (meta.orientation ?? 1) >= 5 ? meta.height : meta.width;
  if (!width || width < PICTURE_MIN_WIDTH) throw new PictureRefusedError('too_small');
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  const storage = getMediaStorage();
  for (const size of PICTURE_SIZES) {
    const out = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
      .rotate()
      .resize(size, size, { fit: 'cover', position: 'attention' })
      .webp({ quality: 80 })
      .toBuffer();
    await storage.put(pictureKey(hash, size), out, 'image/webp');
  }
  return pictureUrl(hash);
}
