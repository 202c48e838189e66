import 'server-only';
import { envInt } from '@/lib/env-int';
import { checkPublicHost, fetchToPublicAddress, refusedAsPrivate } from '@/lib/http/public-address';
import { PICTURE_MAX_BYTES } from './limits';

/*
 * A picture named by an http(s) address in an import (lib/import): fetched once by the server, then
 * checked, resized and stored like an upload (lib/media/pictures.ts), so the shop never hot-links
 * a supplier's server. The fetch is bounded: MEDIA_FETCH_TIMEOUT_MS (10 s) for the whole answer,
 * the upload's 8 MB, three redirects, each hop's host checked again. Addresses that lead into a
 * private network (lib/http/public-address.ts), checked before each hop and again by its
 * connection, are refused unless MEDIA_FETCH_ALLOW_PRIVATE=1 (a PIM on the company network; the
 * tests).
 */

export type PictureFetchRefusal = { reason: 'status'; status: number } | { reason: 'unreachable' | 'private_address' | 'too_large' };

export class PictureFetchError extends Error {
  constructor(readonly refusal: PictureFetchRefusal) {
    super(`picture not fetched: ${refusal.reason}${refusal.reason === 'status' ? ` ${refusal.status}` : ''}`);
  }
}

async function assertPublicHost(url: URL): Promise<void> {
  const host = await checkPublicHost(url, process.env.MEDIA_FETCH_ALLOW_PRIVATE === '1');
  if (host === 'unresolved') throw new PictureFetchError({ reason: 'unreachable' });
  if (host === 'private') throw new PictureFetchError({ reason: 'private_address' });
}

/** The bytes at `address` (http or https), or PictureFetchError saying why not. */
export async function fetchPicture(address: string): Promise<Buffer> {
  const deadline = AbortSignal.timeout(envInt('MEDIA_FETCH_TIMEOUT_MS', 10_000, 100, 120_000));
  let url = new URL(address);
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new PictureFetchError({ reason: 'unreachable' });
    await assertPublicHost(url);
    let response: Response;
    try {
      response = await fetchToPublicAddress(process.env.MEDIA_FETCH_ALLOW_PRIVATE === '1')(url, {
        redirect: 'manual',
        signal: deadline,
        headers: { Accept: 'image/webp,image/png,image/jpeg;q=0.9,*/*;q=0.1' },
      });
    } catch (err) {
      throw new PictureFetchError({ reason: refusedAsPrivate(err) ? 'private_address' : 'unreachable' });
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (hop >= 3) throw new PictureFetchError({ reason: 'unreachable' });
      url = new URL(location, url);
      continue;
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new PictureFetchError({ reason: 'status', status: response.status });
    }
    if (Number(response.headers.get('content-length') ?? 0) > PICTURE_MAX_BYTES) {
      await response.body.cancel();
      throw new PictureFetchError({ reason: 'too_large' });
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > PICTURE_MAX_BYTES) {
          await reader.cancel();
          throw new PictureFetchError({ reason: 'too_large' });
        }
        chunks.push(value);
      }
    } catch (err) {
      if (err instanceof PictureFetchError) throw err;
      throw new PictureFetchError({ reason: 'unreachable' });
    }
    return Buffer.concat(chunks);
  }
}
