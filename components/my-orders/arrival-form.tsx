'use client';
import { useActionState } from 'react';
import { FormMessage } from '@/components/account/form-message';
import { initialActionState, type ActionState } from '@/lib/actions/state';

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  orderId: number;
  /** Already sent: the bay can still be changed. */
  arrived: boolean;
  bay: string | null;
  t: { imHere: string; imHereIntro: string; bay: string; bayHint: string; updateBay: string; sending: string };
};

/** "I'm here", with the bay the shopper parked in: the drive screen hears it at once. */
export function ArrivalForm({ action, orderId, arrived, bay, t }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="space-y-3" aria-busy={pending} data-testid="arrival-form">
      <input type="hidden" name="orderId" value={orderId} />
      {!arrived && <p className="text-sm">{t.imHereIntro}</p>}
      <div>
        <label htmlFor="arrival-bay" className="label">
          {t.bay}
        </label>
        <input
          id="arrival-bay"
          name="bay"
          defaultValue={bay ?? ''}
          maxLength={12}
          inputMode="numeric"
          autoComplete="off"
          aria-describedby="arrival-bay-hint"
          className="input max-w-40"
        />
        <p id="arrival-bay-hint" className="mt-1 text-sm text-muted">
          {t.bayHint}
        </p>
      </div>
      <button type="submit" disabled={pending} className={arrived ? 'btn-secondary w-full sm:w-auto' : 'btn-primary min-h-12 w-full text-base sm:w-auto'}>
        {pending ? t.sending : arrived ? t.updateBay : t.imHere}
      </button>
      {!state.ok && <FormMessage ok={false} message={state.message} />}
    </form>
  );
}
