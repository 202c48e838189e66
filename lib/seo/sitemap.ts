import 'server-only';
import { listCategories, listProductSlugs } from '@/lib/catalog/queries';
import { LOCALES } from '@/lib/i18n/config';
import { absoluteUrl, categoryPath, languageAlternates, productPath, storePath } from '@/lib/routing/public-url';
import { listStores } from '@/lib/stores/queries';

/*
 * sitemap.xml: the pages a search engine should find — the home page, the store locator, every
 * department, every product on sale and every store — at their public addresses
 * (lib/routing/public-url.ts). Read from the database at request time and kept in Next's cache
 * (lib/seo/cached.ts, tagged like the pages it lists); the build never reads the database.
 *
 * Each page is listed once per language at its address in that language: while both languages
 * share one URL that is one entry; with a URL per language, each entry also names its twins
 * (xhtml:link hreflang), from `languageAlternates`.
 */

export type SitemapUrl = { loc: string; alternates: { hreflang: string; href: string }[] };

/** The public pages' paths: fixed pages, departments, products, stores. */
export async function sitemapPaths(): Promise<string[]> {
  const [categories, products, stores] = await Promise.all([listCategories('fr'), listProductSlugs(), listStores()]);
  return [
    '/',
    '/stores',
    ...categories.map((c) => categoryPath(c.slug)),
    ...products.map((slug) => productPath(slug)),
    ...[...stores].sort((a, b) => a.slug.localeCompare(b.slug)).map((s) => storePath(s.slug)),
  ];
}

export function sitemapUrls(paths: string[]): SitemapUrl[] {
  const seen = new Set<string>();
  const urls: SitemapUrl[] = [];
  for (const path of paths) {
    const twins = languageAlternates(path);
    for (const locale of LOCALES) {
      const loc = absoluteUrl(path, locale);
      if (seen.has(loc)) continue;
      seen.add(loc);
      urls.push({ loc, alternates: Object.entries(twins).map(([hreflang, href]) => ({ hreflang, href })) });
    }
  }
  return urls;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The sitemaps.org document (at most 50,000 URLs: the large seed has a few thousand). */
export function sitemapXml(urls: SitemapUrl[]): string {
  const hasTwins = urls.some((u) => u.alternates.length > 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${hasTwins ? ' xmlns:xhtml="http://www.w3.org/1999/xhtml"' : ''}>`,
    ...urls.map(
      (u) =>
        `<url><loc>${escapeXml(u.loc)}</loc>${u.alternates
          .map((a) => `<xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`)
          .join('')}</url>`,
    ),
    '</urlset>',
    '',
  ];
  return lines.join('\n');
}

/**
 * robots.txt: the shop open to crawlers; staff, account, cart, checkout and the API closed — but
 * for the product stock answer (/api/availability/product), which a product page asks for and
 * writes into its JSON-LD Offer as the web availability: a crawler that renders the page must be
 * allowed to fetch it (the most specific rule wins).
 */
export function robotsTxt(): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Allow: /api/availability/product',
    'Disallow: /staff',
    'Disallow: /account',
    'Disallow: /api/',
    'Disallow: /checkout',
    'Disallow: /cart',
    '',
    `Sitemap: ${absoluteUrl('/sitemap.xml')}`,
    '',
  ].join('\n');
}
