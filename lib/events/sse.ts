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
