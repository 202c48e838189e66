import type { Dictionary } from '@/lib/i18n/dictionary';
import { LocateMeButton } from './locate-me-button';
import { localizedPath } from '@/lib/routing/public-url';
import type { Locale } from '@/lib/i18n/config';

/** Postcode/town search (a plain GET form: works without JavaScript) and "Use my location". */
export function StoreSearchForm({ near, service = null, locale, t }: { near: string; service?: string | null; locale: Locale; t: Dictionary['stores'] }) {
  return (
    <div className="flex flex-col gap-3 card p-4 sm:flex-row sm:items-end">
      <form action={localizedPath('/stores', locale)} method="get" role="search" className="flex flex-1 flex-col gap-1">
        {/* A search keeps the service filter chosen. */}
        {service && <input type="hidden" name="service" value={service} />}
        <label htmlFor="store-near" className="label">
          {t.searchLabel}
        </label>
        <div className="flex gap-2">
          <input
            id="store-near"
            name="near"
            type="search"
            defaultValue={near}
            placeholder={t.searchPlaceholder}
            autoComplete="postal-code"
            enterKeyHint="search"
            maxLength={100}
            required
            className="input"
          />
          <button type="submit" className="btn-primary shrink-0">
            {t.searchSubmit}
          </button>
        </div>
      </form>
      <LocateMeButton
        service={service}
        t={{
          useMyLocation: t.useMyLocation,
          locating: t.locating,
          geoDenied: t.geoDenied,
          geoUnavailable: t.geoUnavailable,
          geoUnsupported: t.geoUnsupported,
        }}
      />
    </div>
  );
}
