import { ByRouteLocale } from '@/components/layout/by-route-locale';
import { LightHeader } from '@/components/layout/light-header';
import { NotFoundBody } from '@/components/layout/not-found-body';

// Unknown URLs (and unknown products, stores, departments: the proxy routes them here before any
// streaming starts, so the status is a real 404). No request data: it is prerendered into pages.
export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col">
      <ByRouteLocale fr={<LightHeader locale="fr" />} en={<LightHeader locale="en" />} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
        <NotFoundBody />
      </main>
    </div>
  );
}
