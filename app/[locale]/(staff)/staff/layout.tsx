import type { Metadata } from 'next';
import { Link } from '@/components/layout/link';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { StoreSwitcher } from '@/components/staff/store-switcher';
import { requireStaff } from '@/lib/auth/guards';
import { SignOutForm } from '@/components/pwa/sign-out-form';
import { listStaffStores } from '@/lib/auth/users';
import { getI18n } from '@/lib/i18n/server';

export const metadata: Metadata = { title: { default: 'Staff', template: '%s · Comptoir Staff' }, robots: { index: false } };

/** Everything in the console depends on who is signed in: nothing of it is prerendered. */
export default function StaffLayout({ children }: { children: React.ReactNode }) {
  return (
    <Suspense fallback={<div className="h-14 bg-brand-700" aria-busy="true" />}>
      <StaffFrame>{children}</StaffFrame>
    </Suspense>
  );
}

/** The console's own frame: a compact bar (name, store switcher, sign-out), no shop header. */
async function StaffFrame({ children }: { children: React.ReactNode }) {
  await connection(); // the session check (crypto, clock) runs per request only
  const user = await requireStaff();
  const [{ t }, stores] = await Promise.all([getI18n(), listStaffStores(user.id)]);
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-10 bg-brand-700 text-white shadow-sm print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 gap-y-1 px-3 py-2 sm:flex-nowrap sm:px-6">
          <Link href="/staff" className="mr-auto min-h-11 content-center text-base font-bold tracking-tight whitespace-nowrap">
            {t.staff.consoleName}
          </Link>
          <SignOutForm
            label={t.staff.signOut}
            className="sm:order-3"
            buttonClassName="min-h-11 rounded-lg px-3 text-sm font-medium whitespace-nowrap hover:bg-white/10"
          />
          <div className="order-last w-full sm:order-2 sm:w-auto">
            <StoreSwitcher stores={stores} label={t.staff.currentStore} switchLabel={t.staff.switchStore} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-3 py-4 sm:px-6 sm:py-6 print:p-0">
        {children}
      </main>
    </div>
  );
}
