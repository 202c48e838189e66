'use client';

import NextLink from 'next/link';
import type { ComponentProps } from 'react';
import { localizedPath } from '@/lib/routing/public-url';
import { useRouteLocale } from './route-locale';

type Href = ComponentProps<typeof NextLink>['href'];

/**
 * The site's link: next/link, its path in the page's language (`/stores` on an English page is
 * `/en/stores`: lib/routing/public-url.ts). Every link of the shop goes through it (eslint forbids
 * importing next/link elsewhere), so a shopper reading in English stays in English. An href already
 * localized is left as it is; external and in-page links too.
 */
export function Link({ href, ...props }: ComponentProps<typeof NextLink>) {
  const locale = useRouteLocale();
  return <NextLink {...props} href={localizedHref(href, locale)} />;
}

function localizedHref(href: Href, locale: ReturnType<typeof useRouteLocale>): Href {
  if (typeof href === 'string') return localizedPath(href, locale);
  return href.pathname ? { ...href, pathname: localizedPath(href.pathname, locale) } : href;
}
