import type { Locale } from '@/lib/i18n/config';
import { refusal, type ImportRefusal } from './messages';
import { isPictureFileName } from './rows';

/*
 * A pictures file may name pictures that are not yet the shop's own: an http(s) address, fetched by
 * the server, or a picture sent with the file (the back office's form), named by its file name.
 * Each is checked, resized and stored like an upload (lib/media) before the import's transaction
 * opens, and the row then keeps the stored picture's own address (/media/…): the shop never
 * hot-links a supplier's server. The same bytes give the same stored address, so importing the
 * same file (and pictures) again changes nothing. An address that cannot be fetched, a name with no
 * picture sent, or bytes that are not a picture the shop can show, are refusals on the row's url.
 * lib/media is loaded only when a file names such a picture (it is server-only; the seed, run by
 * tsx, names only the site's own pictures).
 */

/** At most this many http(s) addresses in one file: each is a download inside the import's request. */
export const MAX_REMOTE_PICTURES = 100;
const AT_ONCE = 4;

const isRemote = (url: string) => /^https?:\/\//i.test(url);

type Outcome = string | { code: string; values?: Record<string, string | number> };

export async function storeRemotePictures(
  rows: { line: number; row: { url: string } }[],
  locale: Locale,
  files: ReadonlyMap<string, Uint8Array> = new Map(),
): Promise<ImportRefusal[]> {
  const remote = rows.filter((r) => isRemote(r.row.url));
  const sent = rows.filter((r) => isPictureFileName(r.row.url));
  if (remote.length === 0 && sent.length === 0) return [];
  const addresses = [...new Set(remote.map((r) => r.row.url))];
  if (addresses.length > MAX_REMOTE_PICTURES)
    return [refusal(locale, remote[MAX_REMOTE_PICTURES]!.line, 'url', 'too_many_remote_pictures', { max: MAX_REMOTE_PICTURES })];
  const [{ fetchPicture, PictureFetchError }, { storePicture, PictureRefusedError }, { PICTURE_MAX_BYTES, PICTURE_MIN_WIDTH }] = await Promise.all([
    import('@/lib/media/fetch-picture'),
    import('@/lib/media/pictures'),
    import('@/lib/media/limits'),
  ]);
  const tooLarge = { code: 'picture_too_large', values: { max: PICTURE_MAX_BYTES / 1024 / 1024 } };
  const refused = (err: unknown): Outcome => {
    if (err instanceof PictureFetchError) {
      const r = err.refusal;
      return r.reason === 'status'
        ? { code: 'picture_status', values: { status: r.status } }
        : r.reason === 'too_large'
          ? tooLarge
          : { code: `picture_${r.reason}` };
    }
    if (err instanceof PictureRefusedError)
      return err.reason === 'too_large'
        ? tooLarge
        : err.reason === 'too_small'
          ? { code: 'picture_too_small', values: { min: PICTURE_MIN_WIDTH } }
          : { code: 'picture_type' };
    throw err;
  };
  const stored = new Map<string, Outcome>();
  // The pictures sent with the file: no network, one after the other (sharp uses the cores itself).
  for (const name of new Set(sent.map((r) => r.row.url))) {
    const bytes = files.get(name);
    if (!bytes) stored.set(name, { code: 'picture_file_missing', values: { name } });
    else stored.set(name, await storePicture(Buffer.from(bytes)).catch(refused));
  }
  let next = 0;
  const worker = async () => {
    while (next < addresses.length) {
      const address = addresses[next++]!;
      stored.set(
        address,
        await fetchPicture(address)
          .then((bytes) => storePicture(bytes), refused)
          .catch(refused),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, addresses.length) }, worker));
  const refusals: ImportRefusal[] = [];
  for (const r of [...remote, ...sent].sort((a, b) => a.line - b.line)) {
    const outcome = stored.get(r.row.url)!;
    if (typeof outcome === 'string') r.row.url = outcome;
    else refusals.push(refusal(locale, r.line, 'url', outcome.code, outcome.values));
  }
  return refusals;
}
