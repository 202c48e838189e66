import { Link } from '@/components/layout/link';
import type { Locale } from '@/lib/i18n/config';
import { common } from '@/lib/i18n/dict/common';
import { ByRouteLocale } from './by-route-locale';

function Body({ locale }: { locale: Locale }) {
  const t = common[locale];
  return (
    <div className="py-10 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-bold">{t.notFoundTitle}</h1>
      <p className="mt-2 text-muted">{t.notFoundBody}</p>
      <Link href="/" className="mt-6 btn-primary">
        {t.backHome}
      </Link>
    </div>
  );
}

/**
 * The 404 message. Next renders not-found boundaries into every prerendered page, without params
 * and before any request data: both languages are rendered here and the route's one is shown
 * (ByRouteLocale), keeping those pages fully static and the strings out of the page's script.
 */
export function NotFoundBody() {
  return <ByRouteLocale fr={<Body locale="fr" />} en={<Body locale="en" />} />;
}
