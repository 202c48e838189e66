'use client';
import { useEffect, useState, useTransition } from 'react';
import { SlotPicker } from '@/components/drive/slot-picker';
import type { DriveSlotsView } from '@/lib/drive/types';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import type { HoldResult } from './form-state';
import { useDriveSlots } from './use-drive-slots';

type Props = {
  storeId: number;
  initial: DriveSlotsView;
  hold: (slotId: number) => Promise<HoldResult>;
  /** The place-order action's refusal for the slot (full, too late…), and a counter that bumps with it. */
  error?: string;
  refused?: number;
  failed: string;
  locale: Locale;
  t: Dictionary['drive'];
};

/**
 * The slot picker inside the checkout form: choosing a slot holds it for 10 minutes (server
 * action), and the chosen slot travels with the form as `slotId`. The places are polled.
 */
export function DriveSlotField({ storeId, initial, hold, error, refused, failed, locale, t }: Props) {
  const { data, mutate } = useDriveSlots(storeId, initial);
  const view = data ?? initial;
  const heldNow = view.days.flatMap((d) => d.slots).find((s) => s.heldByYou && s.state === 'open');
  const [selected, setSelected] = useState<number | null>(heldNow?.id ?? null);
  const [message, setMessage] = useState('');
  const [pending, startTransition] = useTransition();

  // The order was refused for this slot: forget it and show the places as they are now.
  useEffect(() => {
    if (!refused) return;
    setSelected(null);
    void mutate();
  }, [refused, mutate]);

  function choose(slotId: number) {
    setMessage('');
    setSelected(slotId);
    startTransition(async () => {
      try {
        const result = await hold(slotId);
        if (!result.ok) {
          setSelected(null);
          setMessage(result.message);
        }
      } catch {
        setSelected(null);
        setMessage(failed);
      }
      await mutate();
    });
  }

  const shown = message || error || '';
  return (
    <div className="space-y-2 card p-4" data-testid="checkout-slot">
      <input type="hidden" name="slotId" value={selected ?? ''} />
      <SlotPicker view={view} selectedSlotId={selected} onChoose={choose} pending={pending} locale={locale} t={t} />
      <div aria-live="assertive">
        {shown && (
          <p id="slot-error" className="rounded-lg border border-out/30 bg-out/5 px-3 py-2 text-sm text-out" data-testid="slot-error">
            {shown}
          </p>
        )}
      </div>
    </div>
  );
}
