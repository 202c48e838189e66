import 'server-only';
import { productSvg } from '@/app/img/p/[file]/svg';
import { parseImageName } from '@/lib/db/seed/images';

const PICTURE = /^\/img\/p\/([^/?#]+)$/;

/**
 * A product's main picture, inlined in the page as a data: URI when it is one of the catalogue's
 * drawn pictures (/img/p/<name>.svg, about 1.2 kB): it is the largest thing on a phone's first
 * screen, and inlined it is painted with the document's first frame instead of one request later.
 * Any other address (a photo) is returned as it is.
 */
export function inlinePicture(src: string): string {
  const file = PICTURE.exec(src)?.[1];
  const name = file ? parseImageName(file) : null;
  return name ? `data:image/svg+xml,${encodeURIComponent(productSvg(name))}` : src;
}
