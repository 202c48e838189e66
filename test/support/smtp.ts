import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { AddressInfo } from 'node:net';

/*
 * A real SMTP server for tests (the smtp-server package), on a free port of 127.0.0.1, keeping
 * every message it accepted — raw and parsed into headers, text and HTML parts. `reject` decides,
 * per message, to answer with an SMTP error instead (e.g. 451 for a transient refusal, 550 for a
 * permanent one).
 */

export type ReceivedMail = {
  raw: string;
  envelopeTo: string[];
  headers: Map<string, string>;
  subject: string;
  to: string;
  from: string;
  messageId: string;
  text: string | null;
  html: string | null;
};

export type TestSmtpServer = {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Answers the next messages with an error (code and text) while it returns one; null accepts. */
  reject: ((attempt: number) => { code: number; text: string } | null) | null;
  /** How many messages the server was offered (accepted or not). */
  offered: number;
  close(): Promise<void>;
};

export async function startSmtpServer(opts: { user?: string; password?: string } = {}): Promise<TestSmtpServer> {
  const state: TestSmtpServer = {
    url: '',
    port: 0,
    received: [],
    reject: null,
    offered: 0,
    close: async () => undefined,
  };
  const options: SMTPServerOptions = {
    secure: false,
    disabledCommands: opts.user ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !opts.user,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === opts.user && auth.password === opts.password) cb(null, { user: auth.username });
      else cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        state.offered++;
        const refusal = state.reject?.(state.offered) ?? null;
        if (refusal) return cb(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
        const raw = Buffer.concat(chunks).toString('utf8');
        state.received.push({ ...parseMail(raw), raw, envelopeTo: session.envelope.rcptTo.map((r) => r.address) });
        cb(null);
      });
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  const auth = opts.user ? `${encodeURIComponent(opts.user)}:${encodeURIComponent(opts.password ?? '')}@` : '';
  state.port = port;
  state.url = `smtp://${auth}127.0.0.1:${port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

/** A port nothing listens on (a server started and stopped): "connection refused". */
export async function closedPort(): Promise<number> {
  const s = await startSmtpServer();
  await s.close();
  return s.port;
}

// --- a small MIME reader: enough for what nodemailer writes (multipart/alternative, QP or base64) ---

type Part = { headers: Map<string, string>; body: string };

function splitHeaders(raw: string): Part {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return { headers, body };
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return Buffer.from(
        body
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
          .split('')
          .map((c) => c.charCodeAt(0)),
      ).toString('utf8');
    default:
      return body;
  }
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) in a header. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeBody(text.replace(/_/g, ' '), 'quoted-printable'),
    );
}

function leaves(part: Part): Part[] {
  const type = part.headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!/^multipart\//i.test(type) || !boundary) return [part];
  const pieces = part.body.split(`--${boundary}`).slice(1);
  return pieces.filter((p) => !p.startsWith('--')).flatMap((p) => leaves(splitHeaders(p.replace(/^\r?\n/, ''))));
}

export function parseMail(raw: string): Omit<ReceivedMail, 'raw' | 'envelopeTo'> {
  const top = splitHeaders(raw);
  let text: string | null = null;
  let html: string | null = null;
  for (const leaf of leaves(top)) {
    const type = (leaf.headers.get('content-type') ?? 'text/plain').toLowerCase();
    const decoded = decodeBody(leaf.body, leaf.headers.get('content-transfer-encoding')).replace(/\r\n/g, '\n');
    if (type.startsWith('text/plain') && text === null) text = decoded;
    else if (type.startsWith('text/html') && html === null) html = decoded;
  }
  const h = (name: string) => decodeHeader(top.headers.get(name) ?? '');
  return { headers: top.headers, subject: h('subject'), to: h('to'), from: h('from'), messageId: h('message-id'), text, html };
}
