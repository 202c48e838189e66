import type { Metadata } from 'next';
import { RetryButton } from '@/components/pwa/retry-button';
import { isLocale } from '@/lib/i18n/config';
import { card } from '@/lib/i18n/dict/card';
import { localizedPath } from '@/lib/routing/public-url';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: card[isLocale(locale) ? locale : 'fr'].offlineTitle, robots: { index: false } };
}

/**
 * What the service worker (public/sw.js) shows for a page it cannot fetch. Prerendered, the same for
 * everyone (nothing personal in it); the worker keeps a copy in the language of the last page seen.
 * The card link is a plain <a>: a full navigation, which the worker answers from its stored copy.
 */
export default async function OfflinePage({ params }: Props) {
  const { locale } = await params;
  const t = card[isLocale(locale) ? locale : 'fr'];
  return (
    <div className="mx-auto max-w-md py-10 text-center" data-testid="offline-page">
      <div aria-hidden="true" className="mx-auto grid size-14 place-items-center rounded-full bg-brand-50 text-brand-700">
        <svg viewBox="0 0 24 24" className="size-7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M2 8.5a15 15 0 0 1 20 0M5 12a10 10 0 0 1 14 0M8.5 15.5a5 5 0 0 1 7 0" />
          <path d="M12 19h.01" />
          <path d="M3 3l18 18" />
        </svg>
      </div>
      <h1 className="mt-4 text-2xl font-bold tracking-tight">{t.offlineTitle}</h1>
      <p className="mt-2 text-muted">{t.offlineBody}</p>
      <div className="mt-6 flex flex-col justify-center gap-3 sm:flex-row">
        {/* A plain link: a full navigation on purpose, which the service worker answers offline. */}
        <a href={localizedPath('/account/card', isLocale(locale) ? locale : undefined)} className="btn-primary">
          {t.offlineShowCard}
        </a>
        <RetryButton label={t.offlineRetry} />
      </div>
    </div>
  );
}
