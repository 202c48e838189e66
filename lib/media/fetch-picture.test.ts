import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as publicAddress from '@/lib/http/public-address';
import { fetchPicture, PictureFetchError } from './fetch-picture';

// The host check as it is, unless a test says what it saw (the rebinding test below).
vi.mock('@/lib/http/public-address', async (actual) => {
  const real = await actual<typeof import('@/lib/http/public-address')>();
  return { ...real, checkPublicHost: vi.fn(real.checkPublicHost) };
});

afterEach(() => {
  vi.unstubAllEnvs();
});

async function pictureServer(): Promise<{ port: number; reached: () => number; close: () => Promise<void> }> {
  let reached = 0;
  const server = http.createServer((_req, res) => {
    reached++;
    res.writeHead(200, { 'Content-Type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, reached: () => reached, close: () => new Promise((r) => server.close(() => r())) };
}

describe('fetching an imported picture', () => {
  it('refuses a name that answered a public address to the check and a private one to the connection (DNS rebinding)', async () => {
    const server = await pictureServer();
    try {
      vi.stubEnv('MEDIA_FETCH_ALLOW_PRIVATE', '');
      vi.mocked(publicAddress.checkPublicHost).mockResolvedValueOnce('public');
      const refused = await fetchPicture(`http://localhost:${server.port}/a.png`).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(PictureFetchError);
      expect((refused as PictureFetchError).refusal).toEqual({ reason: 'private_address' });
      expect(server.reached()).toBe(0);
      // Allowed (a PIM on the company network), the same address is fetched.
      vi.stubEnv('MEDIA_FETCH_ALLOW_PRIVATE', '1');
      expect(await fetchPicture(`http://localhost:${server.port}/a.png`)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      expect(server.reached()).toBe(1);
    } finally {
      await server.close();
    }
  });
});
