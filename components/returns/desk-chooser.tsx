'use client';
import { useState } from 'react';
import { StoreMapLoader } from '@/components/map/store-map-loader';
import { LocateMeButton } from '@/components/stores/locate-me-button';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDistance, interpolate } from '@/lib/i18n/format';
import type { ReturnDesk } from '@/lib/returns/queries';

export type DeskSearch = { heading: string; origin: { lat: number; lng: number } | null; desks: ReturnDesk[] };

type Props = {
  initial: DeskSearch;
  value: number | null;
  onChange: (storeId: number) => void;
  myStoreId: number | null;
  error?: string;
  locale: Locale;
  t: Dictionary['returns'];
  storesT: Dictionary['stores'];
};

/**
 * The shops with a returns desk, nearest first (from my store, the order's address, a postcode or
 * the phone's position, through GET /api/returns/desks), as a list of radio buttons and on the
 * map. Searching does not leave the page, so the items already chosen stay chosen. No nested
 * form: Enter in the search field searches instead of submitting the return.
 */
export function DeskChooser({ initial, value, onChange, myStoreId, error, locale, t, storesT }: Props) {
  const [search, setSearch] = useState(initial);
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  async function load(params: URLSearchParams, heading: (from: { name?: string }) => string) {
    setBusy(true);
    setProblem('');
    try {
      const res = await fetch(`/api/returns/desks?${params}`, { cache: 'no-store' });
      if (res.status === 404) return setProblem(t.placeNotFound);
      if (!res.ok) return setProblem(t.desksError);
      const body = (await res.json()) as { from: { lat: number; lng: number; name?: string }; desks: ReturnDesk[] };
      setSearch({ heading: heading(body.from), origin: { lat: body.from.lat, lng: body.from.lng }, desks: body.desks });
      const first = body.desks[0];
      if (first && !body.desks.some((d) => d.id === value)) onChange(first.id);
    } catch {
      setProblem(t.desksError);
    } finally {
      setBusy(false);
    }
  }
  const searchPlace = () => {
    const q = query.trim().slice(0, 80);
    if (q) void load(new URLSearchParams({ q }), (from) => interpolate(t.desksNearPlace, { place: from.name ?? q }));
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex flex-1 flex-col gap-1">
          <label htmlFor="desk-near" className="label">
            {t.shopSearchLabel}
          </label>
          <div className="flex gap-2">
            <input
              id="desk-near"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  searchPlace();
                }
              }}
              placeholder={storesT.searchPlaceholder}
              autoComplete="postal-code"
              enterKeyHint="search"
              maxLength={80}
              className="input"
            />
            <button type="button" onClick={searchPlace} disabled={busy} className="btn-secondary shrink-0">
              {t.shopSearchSubmit}
            </button>
          </div>
        </div>
        <LocateMeButton t={storesT} onLocate={(at) => void load(new URLSearchParams({ lat: String(at.lat), lng: String(at.lng) }), () => t.desksNearYou)} />
      </div>
      <p aria-live="polite" className="text-sm empty:hidden">
        {busy ? <span className="text-muted">{t.desksLoading}</span> : problem ? <span className="text-out">{problem}</span> : null}
      </p>
      <div className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] lg:items-start">
        <fieldset aria-describedby={error ? 'desk-error' : undefined}>
          <legend className="mb-2 text-sm font-semibold">{search.heading}</legend>
          {search.desks.length === 0 ? (
            <p className="text-sm text-muted">{t.noDesks}</p>
          ) : (
            <ol aria-label={t.deskList} className="max-h-96 space-y-2 overflow-y-auto pr-1" data-testid="desk-list">
              {search.desks.map((d) => (
                <li key={d.id}>
                  <label className="flex min-h-12 cursor-pointer items-start gap-3 rounded-lg border border-line bg-white px-3 py-2 hover:border-brand-500 has-checked:border-brand-600 has-checked:bg-brand-50">
                    <input
                      type="radio"
                      name="storeId"
                      value={d.id}
                      checked={d.id === value}
                      onChange={() => onChange(d.id)}
                      className="mt-1 size-4 accent-brand-600"
                    />
                    <span className="min-w-0 flex-1">
                      <span className="block font-semibold">
                        {d.name}
                        {d.id === myStoreId && <span className="ml-2 text-xs font-medium text-brand-700">{storesT.isMyStore}</span>}
                      </span>
                      <span className="block text-sm text-muted">
                        {d.address}, {d.postcode} {d.town}
                      </span>
                    </span>
                    {search.origin && <span className="shrink-0 text-sm text-muted tabular-nums">{formatDistance(d.distanceKm, locale)}</span>}
                  </label>
                </li>
              ))}
            </ol>
          )}
          {error && (
            <p id="desk-error" className="field-error mt-1">
              {error}
            </p>
          )}
        </fieldset>
        <StoreMapLoader
          className="h-56 sm:h-72"
          mode="all"
          stores={search.desks.map(({ id, slug, name, town, lat, lng }) => ({ id, slug, name, town, lat, lng }))}
          myStoreId={myStoreId}
          origin={search.origin}
          select={{ label: t.chooseThisDesk, onSelect: onChange }}
          texts={{
            label: storesT.mapLabel,
            loading: storesT.mapLoading,
            unavailable: storesT.mapUnavailable,
            viewStore: storesT.viewStore,
            isMyStore: storesT.isMyStore,
            youAreHere: storesT.youAreHere,
            gestureScroll: storesT.mapGestureScroll,
            gestureTouch: storesT.mapGestureTouch,
          }}
        />
      </div>
    </div>
  );
}
