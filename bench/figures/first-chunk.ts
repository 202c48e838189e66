import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { formatPrice } from '../../lib/i18n/format';
import { emit, log } from '../lib/report';
import { round } from '../lib/stats';

type Chunk = { atMs: number; body: string };

/**
 * One GET over a plain socket (no compression, no keep-alive), cut into the HTTP/1.1 chunks the
 * server flushed: a streamed page is sent with `Transfer-Encoding: chunked`, one chunk per write.
 * A response with a Content-Length comes back as a single chunk.
 */
export function fetchChunks(origin: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; chunks: Chunk[] }> {
  const url = new URL(path, origin);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port || 80), url.hostname);
    const started = performance.now();
    let buffer = Buffer.alloc(0);
    let head: { status: number; chunked: boolean } | undefined;
    const chunks: Chunk[] = [];
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      socket.destroy();
      resolve({ status: head?.status ?? 0, chunks });
    };
    socket.setTimeout(30_000, () => socket.destroy(new Error(`timeout: ${path}`)));
    socket.on('error', reject);
    socket.on('connect', () => {
      const lines = [
        `GET ${url.pathname}${url.search} HTTP/1.1`,
        `Host: ${url.host}`,
        'Connection: close',
        'Accept: text/html',
        'Accept-Language: fr-FR,fr;q=0.9',
      ];
      for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
    socket.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      const atMs = performance.now() - started;
      if (!head) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const text = buffer.subarray(0, end).toString('latin1');
        head = { status: Number(text.split(' ')[1]), chunked: /^transfer-encoding:\s*chunked/im.test(text) };
        buffer = buffer.subarray(end + 4);
      }
      if (!head.chunked) return;
      for (;;) {
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const size = Number.parseInt(buffer.subarray(0, eol).toString('latin1'), 16);
        if (size === 0) return finish();
        if (buffer.length < eol + 2 + size + 2) return;
        chunks.push({ atMs, body: buffer.subarray(eol + 2, eol + 2 + size).toString('utf8') });
        buffer = buffer.subarray(eol + 2 + size + 2);
      }
    });
    socket.on('end', () => {
      if (head && !head.chunked) chunks.push({ atMs: performance.now() - started, body: buffer.toString('utf8') });
      finish();
    });
  });
}

/** The forms a text takes in React's HTML: as is, and with the characters it escapes. */
function htmlForms(text: string): string[] {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
  return [...new Set([text, escaped])];
}
const contains = (html: string, text: string) => htmlForms(text).some((form) => html.includes(form));

/**
 * product_first_chunk_has_name_price: 1 when the first chunk of a product page's HTML (a raw
 * HTTP/1.1 response, no cookie, French) holds the product's name and its formatted price, as the
 * database has them; 0 when they come later in the stream. The line also says in which chunk and
 * after how long they did arrive, and the first chunk's size and time. Three requests after a
 * warm-up; 1 only if all three had them in the first chunk (the line describes the worst).
 */
export async function measureFirstChunk(opts: { origin: string; productPath: string; name: string; priceCents: number }): Promise<void> {
  const price = formatPrice(opts.priceCents, 'fr');
  await fetchChunks(opts.origin, opts.productPath); // a first render, compiled and cached as a visitor's would be
  const runs: { chunks: Chunk[]; both: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const { status, chunks } = await fetchChunks(opts.origin, opts.productPath);
    if (status !== 200) throw new Error(`${opts.productPath} answered ${status}`);
    let seen = '';
    let both = -1;
    for (const [n, chunk] of chunks.entries()) {
      seen += chunk.body;
      if (contains(seen, opts.name) && contains(seen, price)) {
        both = n;
        break;
      }
    }
    runs.push({ chunks, both });
  }
  const rank = (r: (typeof runs)[number]) => (r.both < 0 ? Infinity : r.both);
  const worst = runs.reduce((a, b) => (rank(b) > rank(a) ? b : a));
  const first = worst.chunks[0];
  const inFirst = runs.every((r) => r.both === 0);
  log(
    `first chunk: ${opts.productPath} ("${opts.name}", ${price}): ${worst.chunks.length} chunks; the first ${first?.body.length ?? 0} characters at ${round(first?.atMs ?? 0, 1)} ms; ` +
      (worst.both < 0
        ? 'name and price never both in the page'
        : `name and price by chunk ${worst.both + 1} at ${round(worst.chunks[worst.both]!.atMs, 1)} ms`) +
      `; in the first chunk in ${runs.filter((r) => r.both === 0).length} of ${runs.length} requests`,
  );
  if (worst.both < 0) throw new Error(`the product's name or price (${price}) is not in ${opts.productPath}: has the page or the formatting changed?`);
  emit({
    figure: 'product_first_chunk_has_name_price',
    value: inFirst ? 1 : 0,
    unit: 'yes (1) / no (0)',
    goal: '1',
    met: inFirst,
    extra: {
      first_chunk_chars: first?.body.length ?? 0,
      first_chunk_ms: round(first?.atMs ?? 0, 1),
      chunks: worst.chunks.length,
      name_price_chunk: worst.both + 1,
      name_price_ms: round(worst.chunks[worst.both]!.atMs, 1),
    },
  });
}
