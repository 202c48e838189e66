'use client';
import { useActionState } from 'react';
import { FormMessage } from '@/components/account/form-message';
import { initialActionState, type ActionState } from '@/lib/actions/state';

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  storeId: number;
  code: string;
  /** Store credit instead is offered only after a definite refusal (not an outage: the card may have been paid). */
  creditAllowed: boolean;
  labels: { retry: string; retryCredit: string; pending: string };
};

/** A failed refund: ask the provider again with the same key, or give store credit instead. */
export function RetryRefundForm({ action, storeId, code, creditAllowed, labels }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="space-y-2" data-testid="retry-refund">
      <input type="hidden" name="storeId" value={storeId} />
      <input type="hidden" name="code" value={code} />
      <div className="flex flex-col gap-2 sm:flex-row">
        <button type="submit" name="asStoreCredit" value="0" disabled={pending} className="btn-primary">
          {pending ? labels.pending : labels.retry}
        </button>
        {creditAllowed && (
          <button type="submit" name="asStoreCredit" value="1" disabled={pending} className="btn-secondary">
            {labels.retryCredit}
          </button>
        )}
      </div>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
