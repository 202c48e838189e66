import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkPublicHost, fetchToPublicAddress, isPrivateAddress, PRIVATE_ADDRESS_CODE, publicOnlyLookup, refusedAsPrivate } from './public-address';

describe('addresses the server may send requests to', () => {
  it('private: loopback, RFC 1918, CGNAT, link-local, multicast, reserved, unspecified (IPv4, IPv6, IPv4 as IPv6)', () => {
    for (const a of [
      '127.0.0.1',
      '10.0.0.1',
      '172.31.255.255',
      '192.168.0.1',
      '100.64.0.1',
      '100.127.255.254',
      '169.254.169.254',
      '0.0.0.0',
      '224.0.0.251',
      '255.255.255.255',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      'ff02::1',
      '::ffff:10.0.0.1',
    ])
      expect(isPrivateAddress(a), a).toBe(true);
  });

  it('public: anything else', () => {
    for (const a of ['93.184.216.34', '100.63.255.255', '100.128.0.1', '172.32.0.1', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])
      expect(isPrivateAddress(a), a).toBe(false);
  });

  it('checks what a host resolves to, unless private addresses are allowed', async () => {
    expect(await checkPublicHost(new URL('http://[::1]:3000/'), false)).toBe('private');
    expect(await checkPublicHost(new URL('http://localhost/'), false)).toBe('private');
    expect(await checkPublicHost(new URL('https://203.0.113.7/x'), false)).toBe('public');
    expect(await checkPublicHost(new URL('https://no-such-host.invalid/'), false)).toBe('unresolved');
    expect(await checkPublicHost(new URL('http://127.0.0.1/'), true)).toBe('public');
  });
});

describe('the connection checks the addresses it connects to (no DNS rebinding)', () => {
  type Answer = { err: NodeJS.ErrnoException | null; address: unknown; family?: number };
  const lookupWith = (addresses: { address: string; family: number }[], all: boolean) =>
    new Promise<Answer>((resolve) =>
      publicOnlyLookup((_host, _opts, cb) => cb(null, addresses))('shop.example', { all }, (err, address, family) => resolve({ err, address, family })),
    );

  it('fails a name with any private address, and gives the first address of a public one as net.connect asks', async () => {
    const rebound = await lookupWith(
      [
        { address: '203.0.113.7', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ],
      false,
    );
    expect(rebound.err?.code).toBe(PRIVATE_ADDRESS_CODE);
    expect(await lookupWith([{ address: '203.0.113.7', family: 4 }], false)).toEqual({ err: null, address: '203.0.113.7', family: 4 });
    expect(await lookupWith([{ address: '2606:4700::1', family: 6 }], true)).toEqual({
      err: null,
      address: [{ address: '2606:4700::1', family: 6 }],
      family: undefined,
    });
  });

  it('a request to a name that resolves into a private network never reaches it; allowed, it does', async () => {
    let reached = 0;
    const server = http.createServer((_req, res) => {
      reached++;
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      // `localhost` is looked up at connection time (an address written as such is checkPublicHost's).
      const url = `http://localhost:${port}/`;
      const err = await fetchToPublicAddress(false)(url).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refusedAsPrivate(err)).toBe(true);
      expect(reached).toBe(0);
      expect((await fetchToPublicAddress(true)(url)).status).toBe(200);
      expect(reached).toBe(1);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
