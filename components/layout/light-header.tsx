import { Link } from '@/components/layout/link';
import type { Locale } from '@/lib/i18n/config';
import { common } from '@/lib/i18n/dict/common';
import { localizedPath } from '@/lib/routing/public-url';

/**
 * A header with no per-visitor parts and no database read, for pages that are wholly prerendered
 * (static pages, the 404 page). Its language comes from the route.
 */
export function LightHeader({ locale }: { locale: Locale }) {
  const t = common[locale];
  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="text-xl font-extrabold tracking-tight text-brand-700">
          {t.siteName}
        </Link>
        <Link href="/stores" className="ml-auto text-sm font-medium hover:underline sm:order-3">
          {t.stores}
        </Link>
        <form action={localizedPath('/search', locale)} role="search" className="order-last flex w-full gap-2 sm:order-2 sm:w-auto sm:flex-1">
          <label htmlFor="light-search" className="sr-only">
            {t.search}
          </label>
          <input id="light-search" name="q" type="search" placeholder={t.searchPlaceholder} className="input min-h-10" maxLength={200} />
          <button type="submit" className="btn-primary min-h-10 px-3">
            {t.search}
          </button>
        </form>
      </div>
    </header>
  );
}
