/**
 * Uploaded pictures' addresses. Client-safe: the shop's components build a srcset from a stored
 * address. A picture is stored once per size the shop pages use, square (every picture frame in
 * the shop is aspect-square, object-cover), as WebP, under a name made from its content:
 *   /media/p/<hash>/<size>.webp
 * The address never changes meaning (another picture is another hash), so it is cached for good.
 *
 * Sizes: 320 (a card in the 2-to-4-column grid, a gallery thumbnail), 640 (a card on a dense
 * screen, the product's main picture on a phone or a laptop), 1280 (the main picture on a dense
 * screen). products.images keeps the 640 one.
 */
export const PICTURE_SIZES = [320, 640, 1280] as const;
export type PictureSize = (typeof PICTURE_SIZES)[number];
export const STORED_SIZE: PictureSize = 640;

const PICTURE_URL = /^\/media\/(p\/[0-9a-f]{32})\/(320|640|1280)\.webp$/;
const KEY = /^p\/[0-9a-f]{32}\/(?:320|640|1280)\.webp$/;

/** The storage key of one size of a picture. */
export const pictureKey = (hash: string, size: PictureSize) => `p/${hash}/${size}.webp`;
/** The address the shop shows for a picture (its 640 size). */
export const pictureUrl = (hash: string) => `/media/${pictureKey(hash, STORED_SIZE)}`;

/** Whether a storage key is one this app writes (the media route serves nothing else). */
export const isPictureKey = (key: string) => KEY.test(key);

/** An uploaded picture's srcset (320w, 640w, 1280w); undefined for any other address (the drawn /img/p/*.svg). */
export function pictureSrcSet(src: string): string | undefined {
  const m = PICTURE_URL.exec(src);
  if (!m) return undefined;
  return PICTURE_SIZES.map((size) => `/media/${m[1]}/${size}.webp ${size}w`).join(', ');
}
