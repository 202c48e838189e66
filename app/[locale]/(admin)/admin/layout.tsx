import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { Link } from '@/components/layout/link';
import { SignOutForm } from '@/components/pwa/sign-out-form';
import { requireStaff } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';

export const metadata: Metadata = { title: { default: 'Admin', template: '%s · Comptoir Admin' }, robots: { index: false } };

/*
 * A stand-in frame for the admin's pages of the API (keys, webhooks) until the back office's own
 * layout (issue 20, deliverable 3) takes its place: a bar like the staff console's and the two
 * sections. Each page and each action checks the admin role itself.
 */
export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <Suspense fallback={<div className="h-14 bg-brand-700" aria-busy="true" />}>
      <AdminFrame>{children}</AdminFrame>
    </Suspense>
  );
}

async function AdminFrame({ children }: { children: React.ReactNode }) {
  await connection();
  await requireStaff('/admin/api-keys');
  const { t } = await getI18n();
  const i = t.integrations;
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-10 bg-brand-700 text-white shadow-sm print:hidden">
        <div className="mx-auto flex max-w-6xl items-center gap-2 px-3 py-2 sm:px-6">
          <span className="mr-auto min-h-11 content-center text-base font-bold tracking-tight whitespace-nowrap">{i.adminTitle}</span>
          <SignOutForm label={i.signOut} buttonClassName="min-h-11 rounded-lg px-3 text-sm font-medium whitespace-nowrap hover:bg-white/10" />
        </div>
        <nav aria-label={i.navLabel} className="border-t border-white/15">
          <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-3 sm:px-6">
            {[
              { href: '/admin/api-keys', label: i.navApiKeys },
              { href: '/admin/webhooks', label: i.navWebhooks },
            ].map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="inline-flex min-h-11 items-center px-3 text-sm font-medium whitespace-nowrap hover:bg-white/10">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-3 py-4 sm:px-6 sm:py-6">
        {children}
      </main>
    </div>
  );
}
