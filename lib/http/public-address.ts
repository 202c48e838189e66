import 'server-only';
import dns from 'node:dns';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';

/*
 * Where the server itself sends a request to an address someone typed (an imported picture's
 * address, lib/media/fetch-picture.ts; a webhook endpoint, lib/webhooks): never into a private
 * network, so a back-office form cannot be made to reach the servers' own neighbours — loopback,
 * RFC 1918, CGNAT (100.64/10), link-local (169.254/16: the cloud's metadata service), benchmarking,
 * multicast, reserved and unspecified IPv4; loopback, unspecified, unique-local, link-local and
 * multicast IPv6 (and IPv4 written as IPv6). Each caller has its own variable that lifts the rule
 * (a PIM or an ERP on the company network; the tests' local receivers).
 *
 * Checked twice: checkPublicHost before a request, for a clear reason (a form's refusal, a log
 * line), and again by the connection itself (fetchToPublicAddress), on the addresses it connects
 * to. Without the second, a name could answer a public address to the check and a private one to
 * the connection a moment later (DNS rebinding).
 */

const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv6');

/** True for an address (IPv4 or IPv6, IPv4-mapped included) in one of the ranges above. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: never trusted as a public one
  return PRIVATE.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * Whether the server may send a request to `url`'s host: 'public' when every address it resolves
 * to is public (or `allowPrivate`), 'private' when one is not, 'unresolved' when the name has no
 * address. Read again before each request: a name's addresses can change after it was accepted.
 */
export async function checkPublicHost(url: URL, allowPrivate: boolean): Promise<'public' | 'private' | 'unresolved'> {
  if (allowPrivate) return 'public';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return 'unresolved';
  }
  if (addresses.length === 0) return 'unresolved';
  return addresses.some(isPrivateAddress) ? 'private' : 'public';
}

/** The cause code of a connection refused because its host resolved to a private address. */
export const PRIVATE_ADDRESS_CODE = 'EPRIVATEADDRESS';

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;
type Resolve = (hostname: string, options: dns.LookupAllOptions, callback: (err: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void) => void;

/**
 * A `lookup` for a socket (net.connect's option): resolves the name as dns.lookup does and fails
 * with PRIVATE_ADDRESS_CODE when any of its addresses is private, so the address connected to is
 * one that was checked. (An address written as such is not looked up: checkPublicHost checks it.)
 */
export function publicOnlyLookup(resolve: Resolve = dns.lookup) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
      if (addresses.some((a) => isPrivateAddress(a.address))) {
        return callback(Object.assign(new Error(`${hostname} resolves to a private address`), { code: PRIVATE_ADDRESS_CODE }), '');
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

let publicAgent: Agent | undefined;

/**
 * `fetch` for an address someone typed: its connections go only to public addresses, checked when
 * they are made (a refused one fails with a cause whose code is PRIVATE_ADDRESS_CODE); the global
 * fetch when `allowPrivate`.
 */
export function fetchToPublicAddress(allowPrivate: boolean): typeof fetch {
  if (allowPrivate) return fetch;
  publicAgent ??= new Agent({ connect: { lookup: publicOnlyLookup() } });
  const dispatcher = publicAgent;
  return ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher })) as unknown as typeof fetch;
}

/** Whether a failed fetch was refused by fetchToPublicAddress's check. */
export function refusedAsPrivate(err: unknown): boolean {
  return (err as { cause?: { code?: unknown } } | null)?.cause?.code === PRIVATE_ADDRESS_CODE;
}
