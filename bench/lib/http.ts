import http from 'node:http';
import { performance } from 'node:perf_hooks';

export type Timed = { status: number; ttfbMs: number; totalMs: number; bytes: number };

export function keepAliveAgent(maxSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
}

/**
 * One GET, reading the whole body. TTFB is from the moment the request is handed to the socket
 * to the arrival of the response head (the first bytes the server sends).
 */
export function timedGet(url: string, agent: http.Agent, headers: http.OutgoingHttpHeaders = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    let sent = performance.now();
    const req = http.get(url, { agent, headers: { 'accept-language': 'fr-FR,fr;q=0.9', ...headers } }, (res) => {
      const ttfbMs = performance.now() - sent;
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ttfbMs, totalMs: performance.now() - sent, bytes }));
      res.on('error', reject);
    });
    req.on('socket', () => (sent = performance.now()));
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${url}`)));
  });
}

export type LoadResult = {
  ok: number;
  byStatus: Record<string, number>;
  errors: Record<string, number>;
  seconds: number;
  latenciesMs: number[];
};

/**
 * Closed-loop load: `concurrency` clients on keep-alive connections, each sending its next request
 * as soon as the last one's body is read, for `durationMs`. Only 200s count as served.
 */
export async function loadLoop(opts: { urls: string[]; concurrency: number; durationMs: number; headers?: http.OutgoingHttpHeaders }): Promise<LoadResult> {
  const agent = keepAliveAgent(opts.concurrency);
  const result: LoadResult = { ok: 0, byStatus: {}, errors: {}, seconds: 0, latenciesMs: [] };
  const started = performance.now();
  const endAt = started + opts.durationMs;
  let next = 0;
  async function client() {
    while (performance.now() < endAt) {
      const url = opts.urls[next++ % opts.urls.length]!;
      try {
        const r = await timedGet(url, agent, opts.headers);
        if (performance.now() > endAt) break; // finished after the bell: not counted
        result.byStatus[r.status] = (result.byStatus[r.status] ?? 0) + 1;
        if (r.status === 200) {
          result.ok++;
          result.latenciesMs.push(r.totalMs);
        }
      } catch (err) {
        const key = err instanceof Error ? err.message.replace(/\d+/g, '#') : String(err);
        result.errors[key] = (result.errors[key] ?? 0) + 1;
      }
    }
  }
  await Promise.all(Array.from({ length: opts.concurrency }, client));
  result.seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return result;
}
