import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { outboxFilePath } from './config';

export type OutgoingMessage = { id: number; kind: string; email: string; subject: string; body: string; createdAt: Date };

/**
 * How a queued message leaves. `send` resolves once the message is handed over and throws when it
 * could not be (the message is tried again later). An SMTP or provider transport implements this
 * and is chosen in `messageTransport()`.
 */
export interface MessageTransport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

/** Development: every message appended, readable, to one file (tail -f it). */
export function fileTransport(file = outboxFilePath()): MessageTransport {
  return {
    name: 'file',
    async send(m) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      const text = [`=== message #${m.id} (${m.kind}) — ${new Date().toISOString()}`, `To: ${m.email}`, `Subject: ${m.subject}`, '', m.body, '', ''].join('\n');
      await fs.appendFile(file, text, 'utf8');
    },
  };
}

/** Keeps what it was given (tests, or a preview). */
export function memoryTransport(): MessageTransport & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return { name: 'memory', sent, send: async (m) => void sent.push(m) };
}

export function messageTransport(): MessageTransport {
  const chosen = process.env.MESSAGE_TRANSPORT || 'file';
  if (chosen === 'file') return fileTransport();
  throw new Error(`MESSAGE_TRANSPORT "${chosen}" is not known (only "file" so far)`);
}
