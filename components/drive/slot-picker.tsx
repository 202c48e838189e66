'use client';
import { useId, useState } from 'react';
import type { DriveDayView, DriveSlotsView } from '@/lib/drive/types';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDate, formatTime, interpolate } from '@/lib/i18n/format';
import { SlotButton } from './slot-button';

type Props = {
  /** From listSlots or GET /api/drive/slots (poll it with SWR to keep the places fresh). */
  view: DriveSlotsView;
  /** The slot the shopper holds, if any (optimistic while the hold is being taken). */
  selectedSlotId: number | null;
  /** Take or move the hold; the caller shows a refusal from the server (codes in t). */
  onChoose: (slotId: number) => void;
  /** A hold is being taken: the buttons wait. */
  pending?: boolean;
  locale: Locale;
  t: Dictionary['drive'];
};

function lead(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} h` : minutes > 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60}` : `${minutes} min`;
}

function dayParts(date: string, locale: Locale): { weekday: string; day: string; full: string } {
  const d = new Date(`${date}T12:00:00Z`);
  const f = (o: Intl.DateTimeFormatOptions) => formatDate(d, locale, { ...o, timeZone: 'UTC' });
  return { weekday: f({ weekday: 'short' }), day: f({ day: 'numeric' }), full: f({ weekday: 'long', day: 'numeric', month: 'long' }) };
}

const choosableIn = (day: DriveDayView) => !day.closed && day.slots.some((s) => s.state === 'open');

/** Day tabs for the week, then that day's slots: phone-first, one thumb, two slots a row. */
export function SlotPicker({ view, selectedSlotId, onChoose, pending = false, locale, t }: Props) {
  const base = useId();
  const firstOpen = view.days.findIndex(choosableIn);
  const selectedDay = view.days.findIndex((d) => d.slots.some((s) => s.id === selectedSlotId));
  const [active, setActive] = useState(selectedDay >= 0 ? selectedDay : Math.max(0, firstOpen));
  const day = view.days[Math.min(active, view.days.length - 1)];
  const held = view.days.flatMap((d) => d.slots).find((s) => s.id === selectedSlotId && s.heldByYou && s.holdExpiresAt);
  if (!day) return null;

  return (
    <section aria-labelledby={`${base}-title`} className="space-y-3" data-testid="slot-picker" aria-busy={pending}>
      <div>
        <h2 id={`${base}-title`} className="text-lg font-semibold">
          {t.pickerTitle}
        </h2>
        <p className="text-sm text-muted">{interpolate(t.pickerIntro, { cutoff: lead(view.cutoffMinutes) })}</p>
      </div>
      <div role="tablist" aria-label={t.days} className="-mx-1 flex gap-1.5 overflow-x-auto px-1 pb-1">
        {view.days.map((d, i) => {
          const parts = dayParts(d.date, locale);
          const selected = i === active;
          return (
            <button
              key={d.date}
              type="button"
              role="tab"
              id={`${base}-tab-${i}`}
              aria-selected={selected}
              aria-controls={`${base}-panel`}
              aria-label={d.closed ? `${parts.full}, ${t.closedDay}` : parts.full}
              tabIndex={selected ? 0 : -1}
              onClick={() => setActive(i)}
              onKeyDown={(e) => {
                const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                if (!step) return;
                const next = (i + step + view.days.length) % view.days.length;
                setActive(next);
                document.getElementById(`${base}-tab-${next}`)?.focus();
              }}
              className={`flex min-w-14 shrink-0 flex-col items-center rounded-lg border px-2 py-1.5 text-sm ${
                selected ? 'border-brand-600 bg-brand-50 font-semibold text-brand-700' : 'border-line bg-white'
              } ${choosableIn(d) ? '' : 'text-muted'}`}
            >
              <span className="capitalize">{parts.weekday}</span>
              <span className="text-base tabular-nums">{parts.day}</span>
              {d.closed && <span className="text-xs">{t.closedDay}</span>}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${active}`} tabIndex={0}>
        {day.closed ? (
          <p className="rounded-lg bg-paper p-3 text-sm text-muted">{day.closure ? day.closure[locale] : t.closedDayHelp}</p>
        ) : day.slots.length === 0 ? (
          <p className="rounded-lg bg-paper p-3 text-sm text-muted">{t.noSlotsLeft}</p>
        ) : (
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
            {day.slots.map((s) => (
              <li key={s.id}>
                <SlotButton slot={s} selected={s.id === selectedSlotId} busy={pending} onChoose={onChoose} locale={locale} t={t} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <p aria-live="polite" className="min-h-5 text-sm text-ok" data-testid="slot-held">
        {pending ? t.choosing : held?.holdExpiresAt ? interpolate(t.heldUntil, { time: formatTime(new Date(held.holdExpiresAt), locale) }) : ''}
      </p>
    </section>
  );
}
