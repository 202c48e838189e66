import 'server-only';
import nodemailer from 'nodemailer';
import { messageIdDomain, messagesFrom, redactUrl } from './config';
import { PermanentDeliveryError } from './errors';
import type { MessageTransport } from './transport';

/*
 * SMTP, through nodemailer, to the server SMTP_URL names (smtp://user:password@host:587 upgrades
 * with STARTTLS when the server offers it; smtps://…:465 is TLS from the start). One connection per
 * delivery run, closed at its end.
 *
 * Each message carries its outbox id (and when it was queued, so a database started afresh never
 * repeats one) as its Message-ID (<comptoir-message-<id>.<ms>@<From's domain>>) and as an
 * Idempotency-Key header: a message sent again after a crash between the hand-over and
 * "sent" (lib/messages/deliver.ts: at least once) is the same message, which relays and mailbox
 * providers can recognise.
 *
 * Failures: a 5xx reply to the message (the recipient refused, the message is rejected) is
 * permanent — PermanentDeliveryError, the message is marked failed at once. Everything else — a 4xx
 * reply (greylisting, a full mailbox, a busy server), a refused or dropped connection, a timeout, a
 * rejected login (the server's configuration, not the message's fault) — is tried again with the
 * outbox's backoff. Errors never carry the password: nodemailer's own messages do not, and the URL
 * is only ever shown redacted.
 */

const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** The same for every attempt at one outbox message, different for any other. */
function messageKey(id: number, createdAt: Date): string {
  return `comptoir-message-${id}.${createdAt.getTime()}`;
}

type SmtpError = Error & { code?: string; responseCode?: number; response?: string };

export function smtpTransport(url: URL): MessageTransport {
  const transporter = nodemailer.createTransport({ url: url.toString(), ...TIMEOUTS });
  const from = messagesFrom();
  const domain = messageIdDomain();
  const where = redactUrl(url.toString());
  return {
    name: 'smtp',
    async send(m) {
      try {
        await transporter.sendMail({
          from,
          to: m.email,
          subject: m.subject,
          text: m.body,
          ...(m.html ? { html: m.html } : {}),
          messageId: `<${messageKey(m.id, m.createdAt)}@${domain}>`,
          date: m.createdAt,
          headers: { 'Idempotency-Key': messageKey(m.id, m.createdAt) },
        });
      } catch (err) {
        const e = err as SmtpError;
        const detail = `SMTP (${where}): ${scrub(e.response || e.message || String(err), url)}`;
        const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600 && e.code !== 'EAUTH';
        throw permanent ? new PermanentDeliveryError(detail) : new Error(detail);
      }
    },
    close() {
      transporter.close();
    },
  };
}

/** The password, as written in the URL or decoded, never appears in an error. */
function scrub(text: string, url: URL): string {
  const secrets = [url.password, safeDecode(url.password)].filter((s) => s.length > 0);
  return secrets.reduce((t, s) => t.split(s).join('***'), text);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
