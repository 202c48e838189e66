'use client';

import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { MountedMap, StoreMapProps } from './types';

/**
 * The interactive map. Loaded only through StoreMapLoader (next/dynamic, no SSR), and the map
 * library itself only once this mounts: Mapbox when a token is configured, else offline MapLibre.
 * Any failure (no WebGL, a load error, a timeout) shows a message instead of a blank box.
 */
export default function StoreMap(props: StoreMapProps) {
  const { stores, origin, mode, texts, myStoreId } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const mountedRef = useRef<MountedMap | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  // Remount only when what is drawn changes, not when a new but equal props object arrives.
  const drawnKey = JSON.stringify([stores, origin, mode, props.select?.label]);
  const myStoreRef = useRef(myStoreId);
  useLayoutEffect(() => {
    myStoreRef.current = myStoreId;
  });
  // The pop-ups are built once per drawing: they call the latest onSelect through this.
  const selectRef = useRef(props.select);
  useLayoutEffect(() => {
    selectRef.current = props.select;
  });
  const selectLabel = props.select?.label;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let cancelled = false;
    setState('loading');
    const token = process.env.NEXT_PUBLIC_MAPBOX_TOKEN;
    const select = selectLabel === undefined ? undefined : { label: selectLabel, onSelect: (id: number) => selectRef.current?.onSelect(id) };
    const current = { stores, origin, mode, texts, myStoreId: myStoreRef.current, select };
    const mounting = token
      ? import('./mapbox-engine').then((engine) => engine.mountMap(container, current, token))
      : import('./maplibre-engine').then((engine) => engine.mountMap(container, current));
    mounting.then(
      (mounted) => {
        if (cancelled) return mounted.dispose();
        mountedRef.current = mounted;
        setState('ready');
      },
      (err: unknown) => {
        console.warn('Store map unavailable:', err);
        if (!cancelled) setState('failed');
      },
    );
    return () => {
      cancelled = true;
      mountedRef.current?.dispose();
      mountedRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- drawnKey stands for stores, origin and mode
  }, [drawnKey]);

  useEffect(() => {
    mountedRef.current?.setMyStore(myStoreId);
  }, [myStoreId, state]);

  return (
    <div className="relative h-full w-full">
      <div
        ref={containerRef}
        role="region"
        aria-label={texts.label}
        className={`h-full w-full ${state === 'failed' ? 'hidden' : ''}`}
        data-testid="store-map"
        data-map-state={state}
      />
      {state !== 'ready' && (
        <p
          className="absolute inset-0 grid place-items-center p-4 text-center text-sm text-muted"
          role={state === 'failed' ? 'status' : undefined}
          data-testid={state === 'failed' ? 'map-fallback' : undefined}
        >
          {state === 'failed' ? texts.unavailable : texts.loading}
        </p>
      )}
    </div>
  );
}
