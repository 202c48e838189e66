'use client';

import type { OpeningInterval } from '@/lib/stores/hours';
import { parisNow } from '@/lib/stores/hours';
import { HoursTable, type HoursTableTexts } from './hours-table';
import { useMinuteClock } from './use-minute-clock';

type Props = { hours: OpeningInterval[]; labels: string[]; t: HoursTableTexts };

/** The week's hours as kept in the cache; today's row (Paris) is picked out by the browser's clock. */
export function LiveHoursTable({ hours, labels, t }: Props) {
  const now = useMinuteClock();
  return <HoursTable hours={hours} today={now ? parisNow(now).weekday : null} labels={labels} t={t} />;
}
