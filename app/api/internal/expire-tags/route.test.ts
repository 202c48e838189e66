import { beforeEach, describe, expect, it, vi } from 'vitest';

const cache = vi.hoisted(() => ({ revalidateTag: vi.fn(), revalidatePath: vi.fn() }));
vi.mock('next/cache', () => cache);

import { expireThroughOwnServer, EXPIRY_KEY_HEADER, EXPIRY_PATH } from '@/lib/cache/own-server';
import { POST } from './route';

/** What the listener sends, captured from its own call (fetch stubbed), then replayed against the route. */
async function listenerRequest(body: { all: boolean; tags: string[] }): Promise<Request> {
  let sent: Request | undefined;
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent = new Request(url, init);
    return new Response(null, { status: 204 });
  });
  await expireThroughOwnServer(body);
  vi.unstubAllGlobals();
  return sent!;
}

describe(EXPIRY_PATH, () => {
  beforeEach(() => {
    cache.revalidateTag.mockClear();
    cache.revalidatePath.mockClear();
  });

  it("expires the tags its own process's listener sends, at once", async () => {
    const res = await POST(await listenerRequest({ all: false, tags: ['product:trail-42', 'catalog'] }));
    expect(res.status).toBe(204);
    expect(cache.revalidateTag.mock.calls).toEqual([
      ['product:trail-42', { expire: 0 }],
      ['catalog', { expire: 0 }],
    ]);
    expect(cache.revalidatePath).not.toHaveBeenCalled();
  });

  it('everything: every page (the root layout) and the list tags', async () => {
    await POST(await listenerRequest({ all: true, tags: [] }));
    expect(cache.revalidatePath.mock.calls).toEqual([['/', 'layout']]);
    expect(cache.revalidateTag.mock.calls.map(([tag]) => tag)).toEqual(['catalog', 'stores']);
  });

  it('is a 404 for anyone without the key (another key, none, a guess of the same length)', async () => {
    const genuine = await listenerRequest({ all: true, tags: [] });
    const key = genuine.headers.get(EXPIRY_KEY_HEADER)!;
    for (const header of [undefined, '', 'x'.repeat(key.length), key.slice(1)]) {
      const res = await POST(
        new Request(genuine.url, { method: 'POST', headers: header === undefined ? {} : { [EXPIRY_KEY_HEADER]: header }, body: '{"all":true,"tags":[]}' }),
      );
      expect(res.status).toBe(404);
    }
    expect(cache.revalidateTag).not.toHaveBeenCalled();
    expect(cache.revalidatePath).not.toHaveBeenCalled();
  });
});
