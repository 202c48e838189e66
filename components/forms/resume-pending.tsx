'use client';
import { startTransition, useActionState, useEffect, type ReactNode } from 'react';
import { usePendingKey } from './use-pending-key';

type Props<S extends object> = {
  /** The form's scope (./use-pending-key.ts): "checkout", "reserve:12"… */
  scope: string;
  /** The form's own action: asked with the key alone, it replays a committed result (a redirect to it) and writes nothing otherwise. */
  action: (prev: Awaited<S>, formData: FormData) => Promise<S>;
  initial: Awaited<S>;
  /** Shown while the server is asked: "Checking whether your last … went through…". */
  text: string;
  /** What the page shows otherwise ("Your cart is empty", the form): hidden, not unmounted, while the server is asked. */
  children?: ReactNode;
};

/**
 * On a page whose keyed form lost its last answer (a pending key in this tab), asks the server
 * again with that key alone: a command that was committed answers with its result (the order's,
 * reservation's or return's page); one that was not is refused for want of the form's fields,
 * nothing is written, and the pending key is dropped — the page is what it was.
 */
export function ResumePending<S extends object>({ scope, action, initial, text, children }: Props<S>) {
  const [state, dispatch, pending] = useActionState(action, initial);
  const { resumed } = usePendingKey(scope, '', state);

  useEffect(() => {
    if (!resumed) return;
    const form = new FormData();
    form.set('idempotencyKey', resumed);
    startTransition(() => dispatch(form));
  }, [resumed, dispatch]);

  return (
    <>
      <p role="status" className="mb-3 text-sm text-muted empty:hidden" data-testid="resume-pending">
        {pending ? text : ''}
      </p>
      {children !== undefined && <div hidden={pending}>{children}</div>}
    </>
  );
}
