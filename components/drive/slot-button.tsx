import type { Dictionary } from '@/lib/i18n/dictionary';
import type { Locale } from '@/lib/i18n/config';
import { formatMessage, interpolate } from '@/lib/i18n/format';
import type { DriveSlotView } from '@/lib/drive/types';

type Texts = Pick<
  Dictionary['drive'],
  'slotRange' | 'placesLeft' | 'full' | 'pastCutoff' | 'closed' | 'yourSlot' | 'slotLabelOpen' | 'slotLabelFull' | 'slotLabelPastCutoff' | 'slotLabelClosed'
>;

function leftText(remaining: number, locale: Locale, t: Texts): string {
  return formatMessage(t.placesLeft, { count: remaining }, locale);
}

/** One slot: its times and what is left, or why it cannot be chosen (in words, not only colour). */
export function SlotButton({
  slot,
  selected,
  busy,
  onChoose,
  locale,
  t,
}: {
  slot: DriveSlotView;
  selected: boolean;
  busy: boolean;
  onChoose: (id: number) => void;
  locale: Locale;
  t: Texts;
}) {
  const times = { start: slot.start, end: slot.end };
  const choosable = slot.state === 'open';
  const status =
    slot.state === 'full'
      ? t.full
      : slot.state === 'past_cutoff'
        ? t.pastCutoff
        : slot.state === 'closed'
          ? t.closed
          : selected
            ? t.yourSlot
            : leftText(slot.remaining, locale, t);
  const label =
    slot.state === 'full'
      ? interpolate(t.slotLabelFull, times)
      : slot.state === 'past_cutoff'
        ? interpolate(t.slotLabelPastCutoff, times)
        : slot.state === 'closed'
          ? interpolate(t.slotLabelClosed, times)
          : interpolate(t.slotLabelOpen, { ...times, left: selected ? t.yourSlot.toLocaleLowerCase() : leftText(slot.remaining, locale, t) });
  const few = choosable && !selected && slot.remaining <= 2;
  return (
    <button
      type="button"
      onClick={() => onChoose(slot.id)}
      disabled={!choosable || busy}
      aria-pressed={choosable ? selected : undefined}
      aria-label={label}
      data-testid="drive-slot"
      data-slot-id={slot.id}
      data-state={slot.state}
      className={`flex min-h-14 w-full flex-col items-center justify-center rounded-lg border px-2 py-2 text-center transition-colors ${
        selected
          ? 'border-brand-600 bg-brand-600 text-white'
          : choosable
            ? 'border-line bg-white hover:border-brand-500 hover:bg-brand-50 focus-visible:border-brand-500'
            : 'cursor-not-allowed border-line bg-paper text-muted'
      } disabled:opacity-100`}
    >
      <span className="text-sm font-semibold tabular-nums">{interpolate(t.slotRange, times)}</span>
      <span className={`text-xs ${selected ? 'text-white' : few ? 'font-semibold text-low' : choosable ? 'text-ok' : 'text-muted'}`}>{status}</span>
    </button>
  );
}
