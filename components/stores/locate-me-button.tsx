'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { localizedPath } from '@/lib/routing/public-url';
import { useRouteLocale } from '@/components/layout/route-locale';

type Props = {
  t: { useMyLocation: string; locating: string; geoDenied: string; geoUnavailable: string; geoUnsupported: string };
  /** Given: the position goes to the caller (a form that must keep its state) instead of `/stores?lat=…&lng=…`. */
  onLocate?: (at: { lat: number; lng: number }) => void;
  /** The locator's service filter, kept in the URL it goes to. */
  service?: string | null;
};

/** Asks the browser for a position and lets the server order the stores (`?lat=…&lng=…`). */
export function LocateMeButton({ t, onLocate, service = null }: Props) {
  const router = useRouter();
  const locale = useRouteLocale();
  const [locating, setLocating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [navigating, startTransition] = useTransition();

  function locate() {
    setError(null);
    if (!('geolocation' in navigator)) return setError(t.geoUnsupported);
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        setLocating(false);
        // About 100 m of precision is plenty to sort stores, and keeps the URL (and logs) vaguer.
        const params = new URLSearchParams({ lat: coords.latitude.toFixed(3), lng: coords.longitude.toFixed(3) });
        if (onLocate) return onLocate({ lat: Number(params.get('lat')), lng: Number(params.get('lng')) });
        if (service) params.set('service', service);
        startTransition(() => router.push(localizedPath(`/stores?${params}`, locale)));
      },
      (err) => {
        setLocating(false);
        setError(err.code === err.PERMISSION_DENIED ? t.geoDenied : t.geoUnavailable);
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  }

  const busy = locating || navigating;
  return (
    <div className="flex flex-col gap-1">
      <button type="button" onClick={locate} disabled={busy} className="btn-secondary w-full sm:w-auto" data-testid="locate-me">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 fill-none stroke-current stroke-2">
          <circle cx="12" cy="12" r="4" />
          <path d="M12 2v3M12 19v3M2 12h3M19 12h3" />
        </svg>
        {busy ? t.locating : t.useMyLocation}
      </button>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
