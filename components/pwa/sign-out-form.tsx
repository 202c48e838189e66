'use client';

import { signOutAction } from '@/lib/auth/sign-out-action';
import { forgetOfflineCard } from './forget-offline-card';

/** The sign-out button; it also forgets the offline copy of the loyalty card on this device. */
export function SignOutForm({ label, className, buttonClassName }: { label: string; className?: string; buttonClassName: string }) {
  return (
    <form action={signOutAction} onSubmit={() => void forgetOfflineCard()} className={className}>
      <button type="submit" className={buttonClassName}>
        {label}
      </button>
    </form>
  );
}
