import { IntentLink } from './intent-link';
import type { Locale } from '@/lib/i18n/config';
import { LanguageSwitch } from './language-switch';
import { getDictionary } from '@/lib/i18n/dictionary';

/** Part of the prerendered shell: the language comes from the route, nothing per visitor. */
export function SiteFooter({ locale }: { locale: Locale }) {
  const t = getDictionary(locale);
  return (
    <footer className="mt-10 border-t border-line bg-white render-when-near-48">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-6 text-sm text-muted sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>{t.common.footerNote}</p>
        <nav aria-label={t.common.siteName} className="flex flex-wrap items-center gap-4">
          <IntentLink href="/stores" className="inline-flex min-h-11 items-center hover:text-ink hover:underline">
            {t.common.stores}
          </IntentLink>
          <IntentLink href="/about" className="inline-flex min-h-11 items-center hover:text-ink hover:underline">
            {t.common.about}
          </IntentLink>
        </nav>
        <nav aria-label={t.common.language} className="flex items-center gap-1">
          <span className="mr-1">
            {t.common.language}
            {t.common.colon}
          </span>
          <LanguageSwitch locale={locale} />
        </nav>
      </div>
    </footer>
  );
}
