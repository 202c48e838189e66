/**
 * Who is on the other end of a request, for the sign-in throttle.
 *
 * Next.js hands route handlers and server actions the request's headers but not its socket. It
 * copies the socket's address into X-Forwarded-For only when the request carries none, so a client
 * that sends its own X-Forwarded-For names any address it likes. So the server stamps the socket's
 * address on every request itself, as `x-comptoir-peer`, overwriting whatever a client sent
 * (stampPeerAddress, installed by instrumentation.ts); X-Forwarded-For is read only as far back as
 * TRUSTED_PROXY_HOPS proxies of our own have written it.
 */
import type { IncomingMessage } from 'node:http';

export const PEER_HEADER = 'x-comptoir-peer';
const INSTALLED = Symbol.for('comptoir.peer-address-stamp');

/** TRUSTED_PROXY_HOPS: how many proxies of ours stand in front of the server (default 0). */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.TRUSTED_PROXY_HOPS || 0);
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

function normalise(address: string): string {
  return address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

/**
 * With 0 hops, the socket's address. With n hops, the address the n-th proxy from us saw: each
 * trusted proxy appends the address it was reached from, so it is the n-th X-Forwarded-For entry
 * from the end (entries further left are whatever the client wrote). Unknown when this process
 * does not stamp its requests (`next dev`; tests): then every request shares one address.
 */
export function clientAddress(headers: Headers | undefined, hops = trustedProxyHops()): string {
  const stamped = (globalThis as Record<symbol, unknown>)[INSTALLED] === true;
  const peer = stamped ? headers?.get(PEER_HEADER)?.trim() || undefined : undefined;
  let address = peer;
  if (hops > 0) {
    const forwarded = headers?.get('x-forwarded-for')?.split(',').map(normalise).filter(Boolean) ?? [];
    address = forwarded.at(-Math.min(hops, forwarded.length)) ?? peer;
  }
  return normalise(address ?? 'unknown').slice(0, 64) || 'unknown';
}

/** Called once per server process (instrumentation.ts): every request gets its socket's address. */
export async function stampPeerAddress(): Promise<void> {
  const registry = globalThis as Record<symbol, unknown>;
  if (registry[INSTALLED]) return;
  const http = await import('node:http');
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const req = args[0] as IncomingMessage;
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? 'unknown';
    }
    return emit.call(this, event, ...args);
  } as typeof emit;
  registry[INSTALLED] = true;
}

/** For tests: whether this process stamps peer addresses (then `x-comptoir-peer` is believed). */
export function setPeerStampInstalled(on: boolean): void {
  (globalThis as Record<symbol, unknown>)[INSTALLED] = on;
}
