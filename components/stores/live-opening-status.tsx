'use client';

import { useMemo } from 'react';
import type { Locale } from '@/lib/i18n/config';
import { openingStatus, type Closure, type OpeningInterval } from '@/lib/stores/hours';
import type { OpeningTexts } from '@/lib/stores/opening-text';
import { OpeningStatusLine } from './opening-status';
import { useMinuteClock } from './use-minute-clock';

type Props = { hours: OpeningInterval[]; closures: Closure[]; locale: Locale; t: OpeningTexts };

/**
 * "Open now · closes 19:30": worked out in the browser from the store's cached hours and closures
 * (the page is kept whole, made at any hour). Until then a bar of the line's height holds its place.
 */
export function LiveOpeningStatus({ hours, closures, locale, t }: Props) {
  const now = useMinuteClock();
  const status = useMemo(() => (now ? openingStatus(hours, closures, now) : null), [hours, closures, now]);
  if (!status) {
    return (
      <p className="flex h-5 items-center" aria-hidden="true" data-testid="opening-status-pending">
        <span className="h-3.5 w-48 max-w-full animate-pulse rounded bg-line/70" />
      </p>
    );
  }
  return <OpeningStatusLine status={status} locale={locale} t={t} />;
}
