'use client';
import { useActionState, useEffect, useState } from 'react';
import useSWR from 'swr';
import { FormMessage } from '@/components/account/form-message';
import { SlotPicker } from '@/components/drive/slot-picker';
import type { DriveSlotsView } from '@/lib/drive/types';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { initialActionState, type ActionState } from '@/lib/actions/state';

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  orderId: number;
  storeId: number;
  currentSlotId: number;
  locale: Locale;
  t: { moveSlot: string; moveSubmit: string; keepSlot: string; sending: string };
  driveTexts: Dictionary['drive'];
};

async function fetchSlots(url: string): Promise<DriveSlotsView> {
  const res = await fetch(url, { cache: 'no-store' });
  if (!res.ok) throw new Error(`slots: ${res.status}`);
  return (await res.json()) as DriveSlotsView;
}

/** "Change slot": the store's slots (polled while open), one chosen, then confirmed. */
export function MoveSlotPanel({ action, orderId, storeId, currentSlotId, locale, t, driveTexts }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<number | null>(null);
  const { data, error, mutate } = useSWR(open ? `/api/drive/slots?store=${storeId}` : null, fetchSlots, { refreshInterval: 30_000 });
  useEffect(() => {
    if (state.ok) {
      setOpen(false);
      setChosen(null);
    } else if (state.message) void mutate();
  }, [state, mutate]);

  return (
    <div data-testid="move-slot">
      {open ? (
        <form action={formAction} className="space-y-3 rounded-xl border border-line p-3" aria-busy={pending}>
          <input type="hidden" name="orderId" value={orderId} />
          <input type="hidden" name="slotId" value={chosen ?? ''} />
          {data ? (
            <SlotPicker view={data} selectedSlotId={chosen ?? currentSlotId} onChoose={setChosen} locale={locale} t={driveTexts} />
          ) : error ? (
            <p className="text-sm text-out">{driveTexts.loadError}</p>
          ) : (
            <div className="h-40 animate-pulse rounded-lg bg-line/50" aria-hidden />
          )}
          <div className="flex flex-col gap-2 sm:flex-row">
            <button type="submit" disabled={pending || chosen === null || chosen === currentSlotId} className="btn-primary">
              {pending ? t.sending : t.moveSubmit}
            </button>
            <button type="button" onClick={() => setOpen(false)} className="btn-secondary">
              {t.keepSlot}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setOpen(true)} className="btn-secondary w-full sm:w-auto">
          {t.moveSlot}
        </button>
      )}
      {/* In its own block, so the always-present live region adds no gap while it is empty. */}
      <div className="[&_[data-testid=form-message]]:mt-3">
        <FormMessage ok={state.ok} message={state.message} />
      </div>
    </div>
  );
}
