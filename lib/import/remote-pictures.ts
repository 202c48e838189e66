import type { Locale } from '@/lib/i18n/config';
import { refusal, type ImportRefusal } from './messages';

/*
 * A pictures file may name http(s) addresses: each is fetched, checked and stored like an upload
 * (lib/media), before the import's transaction opens, and the row then keeps the stored picture's
 * own address (/media/…): the shop never hot-links a supplier's server. The same address gives the
 * same bytes, so the same stored address: importing the file again changes nothing. An address
 * that cannot be fetched, or is not a picture the shop can show, is a refusal on its line's url.
 * lib/media is loaded only when a file names such an address (it is server-only; the seed, run by
 * tsx, names only the site's own pictures).
 */

/** At most this many http(s) addresses in one file: each is a download inside the import's request. */
export const MAX_REMOTE_PICTURES = 100;
const AT_ONCE = 4;

const isRemote = (url: string) => /^https?:\/\//i.test(url);

export async function storeRemotePictures(rows: { line: number; row: { url: string } }[], locale: Locale): Promise<ImportRefusal[]> {
  const remote = rows.filter((r) => isRemote(r.row.url));
  if (remote.length === 0) return [];
  const addresses = [...new Set(remote.map((r) => r.row.url))];
  if (addresses.length > MAX_REMOTE_PICTURES)
    return [refusal(locale, remote[MAX_REMOTE_PICTURES]!.line, 'url', 'too_many_remote_pictures', { max: MAX_REMOTE_PICTURES })];
  const [{ fetchPicture, PictureFetchError }, { storePicture, PictureRefusedError }, { PICTURE_MAX_BYTES, PICTURE_MIN_WIDTH }] = await Promise.all([
    import('@/lib/media/fetch-picture'),
    import('@/lib/media/pictures'),
    import('@/lib/media/limits'),
  ]);
  const stored = new Map<string, string | { code: string; values?: Record<string, number> }>();
  let next = 0;
  const worker = async () => {
    while (next < addresses.length) {
      const address = addresses[next++]!;
      try {
        stored.set(address, await storePicture(await fetchPicture(address)));
      } catch (err) {
        if (err instanceof PictureFetchError) {
          const r = err.refusal;
          stored.set(
            address,
            r.reason === 'status'
              ? { code: 'picture_status', values: { status: r.status } }
              : r.reason === 'too_large'
                ? { code: 'picture_too_large', values: { max: PICTURE_MAX_BYTES / 1024 / 1024 } }
                : { code: `picture_${r.reason}` },
          );
        } else if (err instanceof PictureRefusedError) {
          stored.set(
            address,
            err.reason === 'too_large'
              ? { code: 'picture_too_large', values: { max: PICTURE_MAX_BYTES / 1024 / 1024 } }
              : err.reason === 'too_small'
                ? { code: 'picture_too_small', values: { min: PICTURE_MIN_WIDTH } }
                : { code: 'picture_type' },
          );
        } else throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, addresses.length) }, worker));
  const refusals: ImportRefusal[] = [];
  for (const r of remote) {
    const outcome = stored.get(r.row.url)!;
    if (typeof outcome === 'string') r.row.url = outcome;
    else refusals.push(refusal(locale, r.line, 'url', outcome.code, outcome.values));
  }
  return refusals;
}
