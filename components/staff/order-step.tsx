'use client';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import { initialActionState, type ActionState } from '@/lib/actions/state';
import { OrderActions } from './order-actions';

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  storeId: number;
  orderId: number;
  orderNumber: string;
  label: string;
  labels: { pending: string; back: string; actionOnOrder: string };
};

/** One of the drive screen's buttons on a page of its own (the picking page's "Ready"): the page re-reads after the answer. */
export function OrderStep({ action, storeId, orderId, orderNumber, label, labels }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  const router = useRouter();
  useEffect(() => {
    if (state.at) router.refresh();
  }, [state.at, router]);
  return (
    <div className="space-y-2">
      <OrderActions
        orderId={orderId}
        orderNumber={orderNumber}
        fields={{ storeId }}
        buttons={[{ key: 'ready', label, action: formAction, tone: 'primary' }]}
        labels={labels}
      />
      <p aria-live="polite" className={`text-sm empty:hidden ${state.ok ? 'text-ok' : 'text-out'}`} data-testid="step-message">
        {state.message}
      </p>
    </div>
  );
}
