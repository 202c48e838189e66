import Link from 'next/link';
import { setLocale } from '@/app/(shop)/actions/set-locale';
import { LOCALES } from '@/lib/i18n/config';
import { getI18n } from '@/lib/i18n/server';

const names = { fr: 'Français', en: 'English' } as const;

export async function SiteFooter() {
  const { locale, t } = await getI18n();
  return (
    <footer className="mt-10 border-t border-line bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-6 text-sm text-muted sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>{t.common.footerNote}</p>
        <nav aria-label={t.common.siteName} className="flex flex-wrap items-center gap-4">
          <Link href="/stores" className="hover:text-ink hover:underline">
            {t.common.stores}
          </Link>
          <Link href="/about" className="hover:text-ink hover:underline">
            {t.common.about}
          </Link>
        </nav>
        <form action={setLocale} className="flex items-center gap-1" aria-label={t.common.language}>
          <span className="mr-1">{t.common.language}:</span>
          {LOCALES.map((l) => (
            <button
              key={l}
              name="locale"
              value={l}
              lang={l}
              aria-pressed={l === locale}
              className="min-h-11 rounded-md px-2 font-medium text-ink hover:bg-brand-50 aria-pressed:bg-brand-50 aria-pressed:text-brand-700"
            >
              {names[l]}
            </button>
          ))}
        </form>
      </div>
    </footer>
  );
}
