'use client';
import { useActionState, useEffect, useState } from 'react';
import { FormMessage } from '@/components/account/form-message';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { DropOffPicker } from './drop-off-picker';
import { initialActionState, type ActionState } from '@/lib/actions/state';

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  code: string;
  storeId: number;
  currentStartsAt: string | null;
  locale: Locale;
  t: Dictionary['returns'];
};

/** "Change the time": the same shop's drop-off windows, one chosen, then confirmed. */
export function ReschedulePanel({ action, code, storeId, currentStartsAt, locale, t }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => {
    if (state.ok) {
      setOpen(false);
      setChosen(null);
    }
  }, [state]);

  return (
    <div className="space-y-3">
      {open ? (
        <form action={formAction} className="space-y-3" data-testid="reschedule-form">
          <input type="hidden" name="code" value={code} />
          <DropOffPicker
            storeId={storeId}
            value={chosen}
            onChange={setChosen}
            exclude={currentStartsAt}
            locale={locale}
            t={t}
            error={state.fieldErrors?.windowStartsAt}
          />
          <div className="flex flex-col gap-2 sm:flex-row">
            <button type="submit" disabled={pending || chosen === null} className="btn-primary">
              {pending ? t.pending : t.rescheduleSubmit}
            </button>
            <button type="button" onClick={() => setOpen(false)} className="btn-secondary">
              {t.keepWindow}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setOpen(true)} className="btn-secondary w-full sm:w-auto">
          {t.reschedule}
        </button>
      )}
      <FormMessage ok={state.ok} message={state.message} />
    </div>
  );
}
