'use client';

import { useMyStoreId } from '@/components/stores/use-my-store-id';
import { PIN_PATH } from './pin';

export type PreviewPin = { id: number; left: string; top: string };

/**
 * The preview's store pins, placed by the server. The visitor's store (known in the browser only:
 * the page is kept whole for everyone) is drawn larger, last, on top of its neighbours, as on the
 * interactive map.
 */
export function PreviewPins({ pins }: { pins: PreviewPin[] }) {
  const myStoreId = useMyStoreId();
  const ordered = myStoreId === null ? pins : [...pins].sort((a, b) => Number(a.id === myStoreId) - Number(b.id === myStoreId));
  return ordered.map((s) => (
    <span
      key={s.id}
      className={`store-marker absolute -translate-x-1/2 -translate-y-full ${s.id === myStoreId ? 'store-marker--mine' : ''}`}
      style={{ left: s.left, top: s.top }}
      data-store-id={s.id}
    >
      <svg viewBox="0 0 24 24" width="30" height="30">
        <path d={PIN_PATH} />
      </svg>
    </span>
  ));
}
