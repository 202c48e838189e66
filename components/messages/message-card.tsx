import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDateTime, interpolate } from '@/lib/i18n/format';
import type { MessageView } from '@/lib/messages/queries';

const tones: Record<MessageView['status'], string> = {
  queued: 'border-low/40 bg-white text-low',
  sent: 'border-ok/40 bg-white text-ok',
  failed: 'border-out/30 bg-out/5 text-out',
};

/** One outbound message on the staff page: who, what, when, and the text as it was sent. */
export function MessageCard({ message: m, locale, t }: { message: MessageView; locale: Locale; t: Dictionary['messages'] }) {
  const leftOut = m.leftOut.map((i) => `${locale === 'fr' ? i.nameFr : i.nameEn} (${i.boughtIn === 'store' ? t.boughtInStore : t.boughtOnline})`).join(', ');
  return (
    <li className="flex flex-col gap-1.5 card p-4" data-testid="message" data-status={m.status}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="min-w-0 text-sm text-muted">{t[`kind_${m.kind}`]}</p>
        <span className={`inline-flex items-center rounded-full border px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap ${tones[m.status]}`}>
          {t[`status_${m.status}`]}
        </span>
      </div>
      <h2 className="text-base leading-snug font-bold break-words">{m.subject}</h2>
      <p className="text-sm break-all">
        <span className="text-muted">{t.to} </span>
        {m.recipientName ? `${m.recipientName} · ` : ''}
        {m.email}
      </p>
      <p className="text-sm text-muted">
        {t.queuedAt} {formatDateTime(m.createdAt, locale)}
        {m.sentAt && ` · ${t.sentAt} ${formatDateTime(m.sentAt, locale)}`}
        {m.attempts > 1 && ` · ${interpolate(t.attempts, { n: m.attempts })}`}
      </p>
      {leftOut && <p className="text-sm">{interpolate(t.leftOut, { items: leftOut })}</p>}
      {m.lastError && m.status !== 'sent' && <p className="text-sm text-out">{m.lastError}</p>}
      <details className="mt-1">
        <summary className="min-h-11 cursor-pointer content-center text-sm font-medium text-brand-700">{t.showBody}</summary>
        <pre className="mt-2 overflow-x-auto rounded-lg bg-paper p-3 font-sans text-sm whitespace-pre-wrap">{m.body}</pre>
      </details>
    </li>
  );
}
