import type { Locale } from '@/lib/i18n/config';
import type { OpeningStatus } from '@/lib/stores/hours';
import { describeOpeningStatus, type OpeningTexts } from '@/lib/stores/opening-text';

type Props = { status: OpeningStatus; locale: Locale; t: OpeningTexts; weekdays?: readonly string[] };

export function OpeningStatusLine({ status, locale, t, weekdays }: Props) {
  return (
    <p className={`flex items-center gap-1.5 text-sm font-medium ${status.open ? 'text-ok' : 'text-out'}`} data-testid="opening-status">
      <span aria-hidden="true" className={`inline-block size-2 shrink-0 rounded-full ${status.open ? 'bg-ok' : 'bg-out'}`} />
      {describeOpeningStatus(status, locale, t, weekdays)}
    </p>
  );
}
