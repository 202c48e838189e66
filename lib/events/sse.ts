/** Server-Sent Events framing. JSON.stringify never emits a newline, so each event is one `data:` line. */
export function sseEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A comment line: ignored by EventSource, but it keeps proxies and load balancers from timing the stream out. */
export const SSE_HEARTBEAT = ': heartbeat\n\n';

export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  // no-transform: Next's (and most proxies') compression skips the response, which would otherwise
  // be buffered until a compression block fills.
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no', // nginx: do not buffer
  Connection: 'keep-alive',
} as const;

const encoder = new TextEncoder();

export type SseStreamOptions = {
  /**
   * Subscribes the stream to its hub and returns how to unsubscribe; `send` writes to this stream.
   * A throw (no connection to hear on) answers 503: EventSource gives up on a non-200 and the page polls.
   */
  subscribe: (send: (chunk: string | Uint8Array) => void) => Promise<() => void>;
  /** The 503's sentence and the log line's name. */
  unavailable: { log: string; message: string };
  /** A comment line this often keeps proxies and load balancers from timing the stream out. */
  heartbeatMs?: number;
  /** EventSource waits this long before reconnecting after a drop. */
  retryMs?: number;
  /** The stream ends after this long and EventSource reconnects at once, so its access is checked again. */
  maxMs?: number;
};

/**
 * A Server-Sent Events response fed by a hub: `retry`, then `ready` once the hub hears (and again,
 * with `resync`, each time it had to reconnect: the client re-reads, as nothing is replayed), then
 * whatever the subscription sends; heartbeats in between; closed when the client goes, or after
 * `maxMs`. The live streams (stock, drive) are this with their own events.
 */
export async function sseStream(request: Request, opts: SseStreamOptions): Promise<Response> {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: () => cleanup(),
  });
  const send = (chunk: string | Uint8Array) => {
    try {
      controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
    } catch {
      cleanup(); // the stream is already closed
    }
  };

  let unsubscribe: () => void;
  try {
    unsubscribe = await opts.subscribe(send);
  } catch (err) {
    console.error(`${opts.unavailable.log}: ${err instanceof Error ? err.message : String(err)}`);
    return Response.json({ error: opts.unavailable.message }, { status: 503 });
  }

  const heartbeat = setInterval(() => send(SSE_HEARTBEAT), opts.heartbeatMs ?? 15_000);
  const lifetime = opts.maxMs ? setTimeout(() => cleanup(), opts.maxMs) : undefined;
  const onAbort = () => cleanup();
  cleanup = () => {
    cleanup = () => {};
    clearInterval(heartbeat);
    clearTimeout(lifetime);
    unsubscribe();
    request.signal.removeEventListener('abort', onAbort);
    try {
      controller.close();
    } catch {
      /* already closed or cancelled */
    }
  };
  if (request.signal.aborted) cleanup();
  else request.signal.addEventListener('abort', onAbort, { once: true });

  send(`retry: ${opts.retryMs ?? 2_000}\n\n`);
  send(sseEvent('ready', { at: new Date().toISOString() }));
  return new Response(stream, { headers: SSE_HEADERS });
}

/** What a hub subscriber sends when hearing was lost and is back: the client re-reads its snapshot. */
export function sseResync(): string {
  return sseEvent('ready', { at: new Date().toISOString(), resync: true });
}
