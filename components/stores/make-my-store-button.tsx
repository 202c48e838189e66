'use client';

import { useActionState, useEffect } from 'react';
import { refreshVisitor } from '@/components/layout/visitor';
import { initialActionState, type ActionState } from '@/lib/actions/state';
import { IsMyStoreNote } from './is-my-store-note';
import { announceMyStoreChange, useMyStoreId } from './use-my-store-id';

export type MakeMyStoreAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

type Props = {
  action: MakeMyStoreAction;
  storeId: number;
  storeName: string;
  t: { makeMyStore: string; isMyStore: string; saving: string; notSaved: string };
};

/**
 * "Make this my store" — a plain form, so it works before the page's JavaScript has loaded. Whether
 * this is already the visitor's store is read in the browser (the page is the same for everyone),
 * and read again once the action has set the cookie.
 */
export function MakeMyStoreButton({ action, storeId, storeName, t }: Props) {
  // A request that never gets its answer (the connection dropped) is said under the button, where
  // the shopper can try again, not thrown to the page's error screen.
  const [state, formAction, pending] = useActionState<ActionState, FormData>(async (prev, formData) => {
    try {
      return await action(prev, formData);
    } catch {
      return { ok: false, message: t.notSaved };
    }
  }, initialActionState);
  const isMine = useMyStoreId() === storeId;
  useEffect(() => {
    if (!state.ok) return;
    announceMyStoreChange();
    refreshVisitor(); // the header's "my store"
  }, [state]);
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="storeId" value={storeId} />
      {isMine ? (
        <IsMyStoreNote text={t.isMyStore} />
      ) : (
        <button type="submit" className="btn-secondary" disabled={pending} data-testid="make-my-store">
          {pending ? t.saving : t.makeMyStore}
          <span className="sr-only"> ({storeName})</span>
        </button>
      )}
      <p aria-live="polite" className={!state.ok && state.message ? 'field-error' : 'sr-only'}>
        {state.message}
      </p>
    </form>
  );
}
