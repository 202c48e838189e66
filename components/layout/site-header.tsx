import { Suspense } from 'react';
import { getCategories } from '@/lib/catalog/cached';
import { requestTimeAtBuild } from '@/lib/next/build-time';
import type { Locale } from '@/lib/i18n/config';
import { getDictionary } from '@/lib/i18n/dictionary';
import { localizedPath, searchPath } from '@/lib/routing/public-url';
import { SiteSearch } from '@/components/search/site-search';
import { HeaderSlots } from './header-slots';
import { IntentLink } from './intent-link';

/**
 * The header is part of each page's prerendered shell (its language comes from the route); the
 * departments (database) stream in after it, and the visitor's store, account and cart are read
 * by the browser (HeaderSlots), so they make no per-request part of any page.
 */
/**
 * `kept`: the page is served whole from the cache (the (catalogue) group), so the department list
 * is part of its HTML in place — inside a Suspense boundary React would move it to the end of the
 * document and reveal it by script.
 */
export function SiteHeader({ locale, kept = false }: { locale: Locale; kept?: boolean }) {
  const t = getDictionary(locale);
  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <IntentLink href="/" className="text-xl font-extrabold tracking-tight text-brand-700">
          {t.common.siteName}
        </IntentLink>
        <HeaderSlots
          t={{
            chooseMyStore: t.stores.chooseMyStore,
            myStoreBadge: t.stores.myStoreBadge,
            stores: t.common.stores,
            signIn: t.common.signIn,
            account: t.common.account,
            staffConsole: t.common.staffConsole,
            backOffice: t.backOffice.title,
            cardLink: t.card.headerLink,
            cart: t.cart.headerLink,
            cartCount: t.cart.headerLinkCount,
            locale,
          }}
        />
        <SiteSearch
          action={localizedPath(searchPath(''), locale)}
          locale={locale}
          t={{
            search: t.common.search,
            placeholder: t.common.searchPlaceholder,
            suggestions: t.common.suggestions,
            suggestionCount: t.common.suggestionCount,
            suggestDepartment: t.common.suggestDepartment,
            suggestBrand: t.common.suggestBrand,
          }}
        />
      </div>
      <nav aria-label={t.common.categories} className="min-h-[53px] border-t border-line">
        {kept ? (
          <DepartmentLinks locale={locale} />
        ) : (
          <Suspense fallback={null}>
            <DepartmentLinks locale={locale} />
          </Suspense>
        )}
      </nav>
    </header>
  );
}

async function DepartmentLinks({ locale }: { locale: Locale }) {
  await requestTimeAtBuild(); // the build never opens the database; pages made at run time keep the list
  const categories = await getCategories(locale);
  return (
    <ul className="mx-auto flex max-w-6xl [scrollbar-width:none] gap-1 overflow-x-auto px-2 py-1 text-sm sm:px-4">
      {categories.map((c) => (
        <li key={c.id} className="shrink-0">
          <IntentLink href={`/c/${c.slug}`} className="flex min-h-11 items-center rounded-md px-3 font-medium text-ink hover:bg-brand-50 hover:text-brand-700">
            {c.name}
          </IntentLink>
        </li>
      ))}
    </ul>
  );
}
