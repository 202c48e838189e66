'use client';
import { useActionState, useEffect } from 'react';
import { refreshVisitor } from '@/components/layout/visitor';
import { FormMessage } from '@/components/account/form-message';
import { initialActionState, type ActionState } from '@/lib/actions/state';

type Props = {
  skuId: number;
  action: (prev: ActionState<{ count: number }>, formData: FormData) => Promise<ActionState<{ count: number }>>;
  t: { addToCart: string; adding: string; viewCart: string };
  /** False for a stand-in that a streamed copy replaces (no duplicate test ids meanwhile). */
  testIds?: boolean;
};

/** One unit of the chosen size and colour into the cart; the header's badge is read again once it is in. */
export function AddToCartButton({ skuId, action, t, testIds = true }: Props) {
  const [state, formAction, pending] = useActionState<ActionState<{ count: number }>, FormData>(action, initialActionState);
  useEffect(() => {
    if (state.count !== undefined) refreshVisitor();
  }, [state]);
  return (
    <form action={formAction} className="space-y-3" aria-busy={pending} data-testid={testIds ? 'add-to-cart' : undefined}>
      <input type="hidden" name="skuId" value={skuId} />
      <button type="submit" disabled={pending} className="btn-primary w-full sm:w-auto sm:min-w-56" data-testid={testIds ? 'add-to-cart-button' : undefined}>
        {pending ? t.adding : t.addToCart}
      </button>
      <FormMessage ok={state.ok} message={state.message} link={state.count ? { href: '/cart', label: t.viewCart } : undefined} />
    </form>
  );
}
