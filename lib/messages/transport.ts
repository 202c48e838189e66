import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { outboxFilePath, smtpUrl } from './config';
import { smtpTransport } from './smtp';

export { PermanentDeliveryError } from './errors';

export type OutgoingMessage = {
  id: number;
  kind: string;
  email: string;
  subject: string;
  /** The plain-text part. */
  body: string;
  /** The HTML part, or null for a text-only message. */
  html: string | null;
  createdAt: Date;
};

/**
 * How a queued message leaves. `send` resolves once the message is handed over and throws when it
 * could not be: the message is tried again later, unless the error is a PermanentDeliveryError
 * (the server refused it for good), which marks it failed at once.
 */
export interface MessageTransport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
  /** Releases what the transport holds (connections), once a delivery run is over. */
  close?(): void;
}

/**
 * Development: every message's text appended, readable, to one file (tail -f it); its HTML part,
 * when it has one, written beside it as html/<id>.html (open it in a browser), named in the log.
 */
export function fileTransport(file = outboxFilePath()): MessageTransport {
  return {
    name: 'file',
    async send(m) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      let htmlNote: string[] = [];
      if (m.html) {
        const htmlFile = path.join(path.dirname(file), 'html', `${m.id}.html`);
        await fs.mkdir(path.dirname(htmlFile), { recursive: true });
        await fs.writeFile(htmlFile, m.html, 'utf8');
        htmlNote = [`(HTML part: ${htmlFile})`, ''];
      }
      const text = [
        `=== message #${m.id} (${m.kind}) — ${new Date().toISOString()}`,
        `To: ${m.email}`,
        `Subject: ${m.subject}`,
        '',
        m.body,
        '',
        ...htmlNote,
        '',
      ].join('\n');
      await fs.appendFile(file, text, 'utf8');
    },
  };
}

/** Keeps what it was given (tests, or a preview). */
export function memoryTransport(): MessageTransport & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return { name: 'memory', sent, send: async (m) => void sent.push(m) };
}

/**
 * The configured transport: SMTP when SMTP_URL is set, else the file under the data folder.
 * MESSAGE_TRANSPORT names one explicitly ('smtp' or 'file').
 */
export function messageTransport(): MessageTransport {
  const url = smtpUrl();
  const chosen = process.env.MESSAGE_TRANSPORT || (url ? 'smtp' : 'file');
  if (chosen === 'file') return fileTransport();
  if (chosen === 'smtp') {
    if (!url) throw new Error('MESSAGE_TRANSPORT is "smtp" but SMTP_URL is not set');
    return smtpTransport(url);
  }
  throw new Error(`MESSAGE_TRANSPORT "${chosen}" is not known ("smtp" or "file")`);
}
