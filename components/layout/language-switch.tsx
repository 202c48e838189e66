'use client';

import type { MouseEvent } from 'react';
import { LOCALES, type Locale } from '@/lib/i18n/config';

const names = { fr: 'Français', en: 'English' } as const;

/**
 * The footer's language switch: a plain link to /api/locale?to=<language> (app/api/locale/route.ts),
 * which records the choice and sends the shopper to the same page in that language. Without
 * script the Referer names the page; the click handler writes it in (`back`), so a browser that
 * sends no Referer lands on the same page too.
 */
export function LanguageSwitch({ locale }: { locale: Locale }) {
  const withPage = (event: MouseEvent<HTMLAnchorElement>) => {
    const link = event.currentTarget;
    const url = new URL(link.href);
    url.searchParams.set('back', `${window.location.pathname}${window.location.search}`);
    link.href = url.href;
  };
  return LOCALES.map((l) => (
    // A plain link: a full navigation redraws the whole page, its kept shell too, in the chosen language.
    <a
      key={l}
      href={`/api/locale?to=${l}`}
      onClick={withPage}
      lang={l}
      hrefLang={l}
      aria-current={l === locale ? 'true' : undefined}
      className="inline-flex min-h-11 items-center rounded-md px-2 font-medium text-ink hover:bg-brand-50 aria-[current=true]:bg-brand-50 aria-[current=true]:text-brand-700"
    >
      {names[l]}
    </a>
  ));
}
