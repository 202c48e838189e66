'use client';
import { useId, useState } from 'react';
import useSWR from 'swr';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDate, formatMessage } from '@/lib/i18n/format';
import type { DropOffDay } from '@/lib/returns/queries';

type Props = {
  storeId: number;
  /** The chosen window's start (ISO), submitted as `windowStartsAt`. */
  value: string | null;
  onChange: (startsAt: string) => void;
  locale: Locale;
  t: Dictionary['returns'];
  error?: string;
  /** A window to leave out (the return's current one, when moving it). */
  exclude?: string | null;
};

async function fetchWindows(url: string): Promise<DropOffDay[]> {
  const res = await fetch(url, { cache: 'no-store' });
  if (!res.ok) throw new Error(`windows: ${res.status}`);
  return ((await res.json()) as { days: DropOffDay[] }).days;
}

function dayParts(date: string, locale: Locale): { weekday: string; day: string; full: string } {
  const d = new Date(`${date}T12:00:00Z`);
  const f = (o: Intl.DateTimeFormatOptions) => formatDate(d, locale, { ...o, timeZone: 'UTC' });
  return { weekday: f({ weekday: 'short' }), day: f({ day: 'numeric' }), full: f({ weekday: 'long', day: 'numeric', month: 'long' }) };
}

const open = (d: DropOffDay) => d.windows.some((w) => w.state === 'open');

/**
 * A returns desk's drop-off windows (GET /api/returns/windows, polled while on screen so places
 * taken meanwhile show): day tabs, then that day's hours with the places left; the choice is
 * submitted by the enclosing form as `windowStartsAt`. Full hours cannot be chosen.
 */
export function DropOffPicker({ storeId, value, onChange, locale, t, error, exclude = null }: Props) {
  const base = useId();
  const { data, error: loadError, isLoading } = useSWR(`/api/returns/windows?store=${storeId}`, fetchWindows, { refreshInterval: 30_000 });
  const [picked, setPicked] = useState<number | null>(null);
  if (loadError) return <p className="text-sm text-out">{t.windowsError}</p>;
  if (isLoading || !data)
    return (
      <p className="text-sm text-muted" aria-busy="true">
        {t.windowsLoading}
      </p>
    );
  const chosenDay = data.findIndex((d) => d.windows.some((w) => w.startsAt === value));
  const active = picked ?? (chosenDay >= 0 ? chosenDay : Math.max(0, data.findIndex(open)));
  const day = data[Math.min(active, data.length - 1)];
  if (!day) return null;
  const windows = day.windows.filter((w) => w.startsAt !== exclude);

  return (
    <div className="min-w-0 space-y-3" data-testid="drop-off-picker">
      {/* The choice survives switching day tabs (the radios of other days are not rendered). */}
      <input type="hidden" name="windowStartsAt" value={value ?? ''} />
      <div role="tablist" aria-label={t.days} className="-mx-1 flex gap-1.5 overflow-x-auto px-1 pb-1">
        {data.map((d, i) => {
          const parts = dayParts(d.date, locale);
          const selected = i === active;
          const closed = d.windows.length === 0;
          return (
            <button
              key={d.date}
              type="button"
              role="tab"
              id={`${base}-tab-${i}`}
              aria-selected={selected}
              aria-controls={`${base}-panel`}
              aria-label={closed ? `${parts.full}, ${t.closedDay}` : parts.full}
              tabIndex={selected ? 0 : -1}
              onClick={() => setPicked(i)}
              className={`flex min-w-14 shrink-0 flex-col items-center rounded-lg border px-2 py-1.5 text-sm ${
                selected ? 'border-brand-600 bg-brand-50 font-semibold text-brand-700' : 'border-line bg-white'
              } ${open(d) ? '' : 'text-muted'}`}
            >
              <span className="capitalize">{parts.weekday}</span>
              <span className="text-base tabular-nums">{parts.day}</span>
              {closed && <span className="text-xs">{t.closedDay}</span>}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${active}`}>
        {windows.length === 0 ? (
          <p className="rounded-lg bg-paper p-3 text-sm text-muted">{day.closure ? day.closure[locale] : t.noWindowsDay}</p>
        ) : (
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3" aria-describedby={error ? `${base}-error` : undefined}>
            {windows.map((w) => {
              const full = w.state === 'full';
              return (
                <li key={w.startsAt}>
                  <label
                    className={`flex min-h-12 cursor-pointer flex-col justify-center rounded-lg border px-3 py-1.5 has-checked:border-brand-600 has-checked:bg-brand-50 has-checked:ring-1 has-checked:ring-brand-600 ${
                      full ? 'cursor-not-allowed border-line bg-paper text-muted' : 'border-line bg-white hover:border-brand-500'
                    }`}
                  >
                    <input
                      type="radio"
                      name={`${base}-window`}
                      value={w.startsAt}
                      checked={w.startsAt === value}
                      disabled={full}
                      onChange={() => onChange(w.startsAt)}
                      className="sr-only"
                    />
                    <span className="font-semibold tabular-nums">
                      {w.start}–{w.end}
                    </span>
                    <span className="text-xs">{full ? t.windowFull : formatMessage(t.placesLeft, { n: w.remaining }, locale)}</span>
                  </label>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {error && (
        <p id={`${base}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
