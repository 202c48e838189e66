import http from 'node:http';

export type SseEvent = { event: string; data: string; at: number };

/**
 * A bare Server-Sent Events reader over node:http (no browser): records every event with its
 * arrival time (performance.now()). Used where many streams or several servers are watched at once.
 */
export function openSse(url: string, opts: { agent?: http.Agent; onEvent?: (e: SseEvent) => void } = {}) {
  const events: SseEvent[] = [];
  let req: http.ClientRequest | undefined;
  const opened = new Promise<void>((resolve, reject) => {
    req = http.get(url, { agent: opts.agent, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`${url} answered ${res.statusCode}`));
        res.resume();
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          if (data.length === 0) continue; // a comment (heartbeat) or a bare retry:
          const e = { event, data: data.join('\n'), at };
          events.push(e);
          opts.onEvent?.(e);
          if (event === 'ready') resolve();
        }
      });
      res.on('error', () => {});
    });
    req.on('error', reject);
  });
  return { events, opened, close: () => req?.destroy() };
}
