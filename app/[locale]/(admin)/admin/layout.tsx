import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { Link } from '@/components/layout/link';
import { SignOutForm } from '@/components/pwa/sign-out-form';
import { requireBackOffice } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';

export const metadata: Metadata = { title: { default: 'Back office', template: '%s · Comptoir Back office' }, robots: { index: false } };

/** Everything in the back office depends on who is signed in: nothing of it is prerendered. */
export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <Suspense fallback={<div className="h-14 bg-brand-700" aria-busy="true" />}>
      <AdminFrame>{children}</AdminFrame>
    </Suspense>
  );
}

/**
 * The back office's frame, as the staff console's: a compact bar (its name, who, sign-out) and the
 * sections as tabs. API keys and webhooks are the admins' (their pages check it again); the
 * catalogue team sees products, imports and the audit log.
 */
async function AdminFrame({ children }: { children: React.ReactNode }) {
  await connection(); // the session check (crypto, clock) runs per request only
  const user = await requireBackOffice();
  const { t } = await getI18n();
  const b = t.backOffice;
  const items = [
    { href: '/admin/products', label: b.navProducts },
    { href: '/admin/imports', label: b.navImports },
    ...(user.role === 'admin'
      ? [
          { href: '/admin/api-keys', label: b.navApiKeys },
          { href: '/admin/webhooks', label: b.navWebhooks },
        ]
      : []),
    { href: '/admin/audit', label: b.navAudit },
  ];
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-10 shadow-sm print:hidden">
        <div className="bg-brand-700 text-white">
          <div className="mx-auto flex max-w-6xl items-center gap-2 px-3 py-2 sm:px-6">
            <Link href="/admin" className="mr-auto min-h-11 content-center text-base font-bold tracking-tight whitespace-nowrap">
              {b.title}
            </Link>
            <span className="hidden truncate text-sm text-white/80 sm:inline" data-testid="admin-user">
              {user.name}
            </span>
            <SignOutForm label={b.signOut} buttonClassName="min-h-11 rounded-lg px-3 text-sm font-medium whitespace-nowrap hover:bg-white/10" />
          </div>
        </div>
        <AdminNav label={b.navLabel} items={items} />
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-3 py-4 sm:px-6 sm:py-6">
        {children}
      </main>
    </div>
  );
}
