import Link from 'next/link';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { getI18n } from '@/lib/i18n/server';

// Rendered for unknown URLs and for every notFound() (unknown product, store, category…).
export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-16 text-center sm:px-6">
        <p className="text-sm font-semibold text-brand-700">404</p>
        <h1 className="mt-2 text-2xl font-bold">{t.common.notFoundTitle}</h1>
        <p className="mt-2 text-muted">{t.common.notFoundBody}</p>
        <Link href="/" className="btn-primary mt-6">
          {t.common.backHome}
        </Link>
      </main>
      <SiteFooter />
    </div>
  );
}
