'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { isLocale } from '@/lib/i18n/config';
import { common } from '@/lib/i18n/dict/common';

/**
 * The 404 message. Next renders not-found boundaries into every prerendered page, so this reads
 * the language from the route (no request headers), keeping those pages fully static.
 */
export function NotFoundBody() {
  const { locale } = useParams<{ locale?: string }>();
  const t = common[isLocale(locale) ? locale : 'fr'];
  return (
    <div className="py-10 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-bold">{t.notFoundTitle}</h1>
      <p className="mt-2 text-muted">{t.notFoundBody}</p>
      <Link href="/" className="btn-primary mt-6">
        {t.backHome}
      </Link>
    </div>
  );
}
