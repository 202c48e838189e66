import { describe, expect, it } from 'vitest';
import { checkPublicHost, isPrivateAddress } from './public-address';

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
