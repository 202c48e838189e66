import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import type { Locale } from '@/lib/i18n/config';

/** Header, main and footer of every shopper page; `kept`: a page served whole from the cache. */
export function ShopFrame({ locale, kept = false, children }: { locale: Locale; kept?: boolean; children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader locale={locale} kept={kept} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
        {children}
      </main>
      <SiteFooter locale={locale} />
    </div>
  );
}
