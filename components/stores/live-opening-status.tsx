'use client';

import { useMemo } from 'react';
import { openingStatus, type Closure } from '@/lib/stores/hours';
import { OpeningStatusLine } from './opening-status';
import { useMinuteClock } from './use-minute-clock';
import { useStoreHours } from './store-hours-context';

/**
 * "Open now · closes 19:30": worked out in the browser from the store's cached hours (`week`, an
 * index into the page's StoreHoursProvider) and closures, since the page is kept whole and made at
 * any hour. Until then a bar of the line's height holds its place.
 */
export function LiveOpeningStatus({ week, closures }: { week: number; closures: Closure[] }) {
  const { locale, t, weeks } = useStoreHours();
  const now = useMinuteClock();
  const hours = weeks[week];
  const status = useMemo(() => (now && hours ? openingStatus(hours, closures, now) : null), [hours, closures, now]);
  if (!status) {
    return (
      <p className="flex h-5 items-center" aria-hidden="true" data-testid="opening-status-pending">
        <span className="h-3.5 w-48 max-w-full animate-pulse rounded bg-line/70" />
      </p>
    );
  }
  return <OpeningStatusLine status={status} locale={locale} t={t} />;
}
