'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { newKey } from '@/components/forms/new-key';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { interpolate } from '@/lib/i18n/format';
import { CloseCard, closeDayLabel } from './close-card';
import type { CloseTillResult, TillCloseView } from './types';

type Props = {
  storeId: number;
  locale: Locale;
  /** Today in Paris (YYYY-MM-DD): the default day, and the latest one that can be closed. */
  today: string;
  close: (request: { storeId: number; businessDay: string; idempotencyKey: string }) => Promise<CloseTillResult>;
  labels: Dictionary['till'];
};

/**
 * Closes a business day. One key per day asked: a double tap or a retry after a lost answer is
 * the same close; the server also answers a second close of the day with the first.
 */
export function CloseForm({ storeId, locale, today, close, labels }: Props) {
  const router = useRouter();
  const [day, setDay] = useState(today);
  const [keys] = useState(() => new Map<string, string>());
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState('');
  const [done, setDone] = useState<TillCloseView | null>(null);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const key = keys.get(day) ?? newKey();
    keys.set(day, key);
    startTransition(async () => {
      setError('');
      setDone(null);
      try {
        const result = await close({ storeId, businessDay: day, idempotencyKey: key });
        if (!result.ok) return setError(result.message);
        setDone(result.close);
        router.refresh();
      } catch {
        setError(labels.answerLost);
      }
    });
  };

  return (
    <div className="space-y-3">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3 card p-3 sm:p-4" aria-labelledby="till-close-title">
        <div>
          <label htmlFor="close-day" className="label">
            {labels.closeDay}
          </label>
          <input
            id="close-day"
            name="businessDay"
            type="date"
            className="input"
            max={today}
            required
            value={day}
            onChange={(e) => setDay(e.target.value)}
            aria-describedby="close-error"
          />
        </div>
        <button type="submit" className="btn-primary min-h-11" disabled={pending || !day} data-testid="till-close-submit">
          {pending ? labels.closing : labels.closeButton}
        </button>
        <p id="close-error" role="alert" className="w-full text-sm font-medium text-out empty:hidden">
          {error}
        </p>
      </form>
      <div aria-live="polite">
        {done && (
          <div className="space-y-2" data-testid="till-close-result">
            <p className="font-medium text-ok">
              {done.replayed ? labels.closeAlready : interpolate(labels.closeDone, { day: closeDayLabel(done.businessDay, locale) })}
            </p>
            <CloseCard close={done} locale={locale} labels={labels} />
          </div>
        )}
      </div>
    </div>
  );
}
