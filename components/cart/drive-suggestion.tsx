'use client';
import { useActionState } from 'react';
import { FormMessage } from '@/components/account/form-message';
import { initialActionState, type ActionState } from '@/lib/actions/state';

type Props = {
  storeId: number;
  /** "All items available at Comptoir Villeurbanne, 4.2 km" */
  text: string;
  switchLabel: string;
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
};

/** The nearest drive store holding every line, one tap away. */
export function DriveSuggestion({ storeId, text, switchLabel, action }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form
      action={formAction}
      className="rounded-lg border border-brand-100 bg-brand-50 p-3"
      aria-busy={pending}
      data-testid="drive-suggestion"
      data-store={storeId}
    >
      <input type="hidden" name="mode" value="drive" />
      <input type="hidden" name="storeId" value={storeId} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium text-ink">{text}</p>
        <button type="submit" disabled={pending} className="btn-primary" data-testid="drive-suggestion-switch">
          {switchLabel}
        </button>
      </div>
      {!state.ok && <FormMessage ok={false} message={state.message} />}
    </form>
  );
}
