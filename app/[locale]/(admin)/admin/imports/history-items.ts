import 'server-only';
import type { HistoryItem } from '@/components/imports/import-history';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDateTime, formatMessage } from '@/lib/i18n/format';
import type { ImportSummary } from '@/lib/import/queries';

/** An import of the history as the page says it, in the admin's language. */
export function historyItem(i: ImportSummary, t: Dictionary['imports'], locale: Locale): HistoryItem {
  const who =
    i.actorType === 'seed'
      ? t.actor_seed
      : i.actorType === 'api_key'
        ? formatMessage(t.actor_api_key, { id: i.actorKeyId ?? 0 }, locale)
        : (i.actorName ?? '—');
  const figures =
    i.status === 'refused'
      ? formatMessage(t.refused, { count: i.refusalCount }, locale)
      : i.status === 'unchanged'
        ? formatMessage(t.unchanged, { rows: i.rows }, locale)
        : formatMessage(t.applied, { changed: i.changed, rows: i.rows }, locale);
  return {
    id: i.id,
    when: formatDateTime(i.createdAt, locale),
    kind: t[`kind_${i.kind}`],
    who,
    fileName: i.fileName,
    status: i.status,
    statusLabel: t[`status_${i.status}`],
    figures: i.status === 'refused' ? figures.split(':')[0]! + '.' : figures,
    detailsName: `${t.details} · ${formatMessage(t.detailTitle, { id: i.id }, locale)}`,
  };
}
