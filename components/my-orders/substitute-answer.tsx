'use client';
import { useActionState } from 'react';
import { FormMessage } from '@/components/account/form-message';
import { initialActionState, type ActionState } from '@/lib/actions/state';

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  orderId: number;
  lineId: number;
  /** The shopper's answer so far (null: none yet): that button is shown pressed. */
  answer: 'accepted' | 'refused' | null;
  /** The substitute's name, in each button's accessible name (every proposal has the same two buttons). */
  item: string;
  t: { accept: string; refuse: string; sending: string };
};

/** Accept or refuse one proposed substitute; either may be changed until handover. */
export function SubstituteAnswer({ action, orderId, lineId, answer, item, t }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const button = (value: 'accepted' | 'refused', label: string) => {
    const chosen = answer === value;
    return (
      <button
        type="submit"
        name="answer"
        value={value}
        disabled={pending}
        aria-pressed={chosen}
        aria-label={`${label}: ${item}`}
        className={`${chosen ? (value === 'accepted' ? 'btn-primary' : 'btn bg-ink text-white') : 'btn-secondary'} min-h-12 flex-1 sm:min-h-11`}
      >
        {pending ? t.sending : label}
      </button>
    );
  };
  return (
    <form action={formAction} className="space-y-2" aria-busy={pending}>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="lineId" value={lineId} />
      <div className="flex gap-2">
        {button('accepted', t.accept)}
        {button('refused', t.refuse)}
      </div>
      {state.message && <FormMessage ok={state.ok} message={state.message} />}
    </form>
  );
}
