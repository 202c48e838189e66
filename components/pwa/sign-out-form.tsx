'use client';

import { useEffect, useRef } from 'react';
import { useFormStatus } from 'react-dom';
import { forgetVisitor, refreshVisitor } from '@/components/layout/visitor';
import { signOutAction } from '@/lib/auth/sign-out-action';
import { forgetOfflineCard } from './forget-offline-card';

type Props = { label: string; className?: string; buttonClassName: string; action?: (formData?: FormData) => Promise<void> };

/**
 * The sign-out button (or another action that signs this device out: "all my devices"); it also
 * forgets the offline copy of the loyalty card on this device, and the header's visitor.
 */
export function SignOutForm({ label, className, buttonClassName, action = signOutAction }: Props) {
  return (
    <form
      action={action}
      onSubmit={() => {
        forgetVisitor(); // the header shows no one until it has read who is signed in now
        void forgetOfflineCard();
      }}
      className={className}
    >
      <button type="submit" className={buttonClassName}>
        {label}
      </button>
      <RefreshWhenDone />
    </form>
  );
}

/**
 * The header holds its reads while the sign-out runs (forgetVisitor); most sign-outs end on
 * another page, whose navigation reads again. One that ends where it started (this form still on
 * screen) says so here, once the action is over.
 */
function RefreshWhenDone() {
  const { pending } = useFormStatus();
  const was = useRef(false);
  useEffect(() => {
    if (was.current && !pending) refreshVisitor();
    was.current = pending;
  }, [pending]);
  return null;
}
