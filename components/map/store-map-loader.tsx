'use client';

import dynamic from 'next/dynamic';
import { useRef, useState, type ReactNode } from 'react';
import type { StoreMapProps } from './types';

// The map (and its library, chosen at run time) is downloaded only when the interactive map is shown.
const loadStoreMap = () => import('./store-map');
const StoreMap = dynamic(loadStoreMap, { ssr: false });

/** The map library, fetched ahead when the shopper shows intent (hover, focus, touch), as store-map.tsx will. */
function warmUp() {
  void loadStoreMap();
  if (process.env.NEXT_PUBLIC_MAPBOX_TOKEN) void import('./mapbox-engine');
  else void import('./maplibre-engine');
}

type Props = StoreMapProps & {
  className?: string;
  /**
   * A server-rendered picture of the map (StoreMapPreview). With it the page loads no map code:
   * the picture is a button, and the interactive map replaces it when pressed. The map library
   * and WebGL (drawn in software on phones without a usable GPU) cost seconds of main thread, so
   * they wait until the shopper asks. Without it the interactive map loads at once.
   */
  preview?: ReactNode;
};

export function StoreMapLoader({ className, preview, ...props }: Props) {
  const [interactive, setInteractive] = useState(!preview);
  const mapRef = useRef<HTMLDivElement>(null);
  return (
    <div className={`relative overflow-hidden rounded-xl border border-line bg-[#d6e6ee] ${className ?? ''}`}>
      {preview}
      {interactive ? (
        <div ref={mapRef} tabIndex={-1} className="absolute inset-0 outline-none">
          <StoreMap {...props} />
        </div>
      ) : (
        <button
          type="button"
          className="group absolute inset-0 flex cursor-pointer items-end justify-center p-3 focus-visible:outline-offset-[-4px]"
          onPointerEnter={warmUp}
          onFocus={warmUp}
          onTouchStart={warmUp}
          onClick={() => {
            setInteractive(true);
            // The button goes away: keep the keyboard where the shopper was, on the map.
            requestAnimationFrame(() => mapRef.current?.focus());
          }}
          data-testid="store-map-show"
        >
          <span className="rounded-full bg-white px-4 py-2 text-sm font-semibold text-brand-700 shadow-md ring-1 ring-line group-hover:bg-brand-50">
            {props.texts.show}
          </span>
        </button>
      )}
    </div>
  );
}
