import { facetQuery, withQuery, type FacetParams } from '@/lib/catalog/facet-params';
import type { Facets, StockContext } from '@/lib/catalog/facets';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { localizedPath } from '@/lib/routing/public-url';
import type { FacetView } from './types';

type Store = { id: number; name: string; drive: boolean } | null;

/** The visitor's stores as the facets read them: my store, and it again as drive store when it offers drive. */
export function stockContextOf(myStore: Store): StockContext {
  return { storeId: myStore?.id ?? null, driveStoreId: myStore?.drive ? myStore.id : null };
}

/**
 * A facet page's view: its links are `path` (the page's public path, a search's `q` in it) with
 * the facets' canonical query, in the page's language.
 */
export function facetViewOf(opts: {
  path: string;
  formPath: string;
  lead?: Record<string, string>;
  params: FacetParams;
  facets: Facets;
  myStore: Store;
  locale: Locale;
  t: Dictionary;
}): FacetView {
  const { path, formPath, params, facets, myStore, locale, t } = opts;
  return {
    locale,
    t: t.catalog,
    params,
    facets,
    href: (p) => localizedPath(withQuery(path, facetQuery(p)), locale),
    formAction: localizedPath(formPath, locale),
    lead: opts.lead ?? {},
    stores: {
      store: myStore?.name ?? null,
      drive: myStore?.drive ? myStore.name : null,
      chooseHref: localizedPath('/stores', locale),
      chooseText: t.common.chooseStore,
    },
  };
}
