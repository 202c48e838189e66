import { LightHeader } from '@/components/layout/light-header';
import { NotFoundBody } from '@/components/layout/not-found-body';
import { getI18n } from '@/lib/i18n/server';

// Unknown URLs. Next also prerenders this page into static routes, so it must not read the
// database: a light header. (notFound() inside the shop uses app/(shop)/not-found.tsx.)
export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <div className="flex min-h-dvh flex-col">
      <LightHeader storesLabel={t.common.stores} searchLabel={t.common.search} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
        <NotFoundBody t={t.common} />
      </main>
    </div>
  );
}
