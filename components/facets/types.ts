import type { FacetParams } from '@/lib/catalog/facet-params';
import type { Facets } from '@/lib/catalog/facets';
import type { Locale } from '@/lib/i18n/config';
import type { FacetTexts } from './labels';

/**
 * Everything a facet page's controls need, from the page: the facets read, the URL's filters, and
 * how to write a link to another set of filters (built by the page with lib/routing/public-url.ts
 * and localizedPath, so the links keep the language).
 */
export type FacetView = {
  locale: Locale;
  t: FacetTexts;
  params: FacetParams;
  facets: Facets;
  /** The page's URL with these filters. */
  href: (p: FacetParams) => string;
  /** The price form's action (the page's path) and the parameters it carries before its own (a search's `q`). */
  formAction: string;
  lead: Record<string, string>;
  /** The visitor's store and drive store names; where to choose one when there is none. */
  stores: { store: string | null; drive: string | null; chooseHref: string; chooseText: string };
};
