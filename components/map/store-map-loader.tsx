'use client';

import dynamic from 'next/dynamic';
import type { StoreMapProps } from './types';

// The map (and its library, chosen at run time) is downloaded only by pages that render this.
const StoreMap = dynamic(() => import('./store-map'), { ssr: false });

export function StoreMapLoader({ className, ...props }: StoreMapProps & { className?: string }) {
  return (
    <div className={`relative overflow-hidden rounded-xl border border-line bg-[#d6e6ee] ${className ?? ''}`}>
      <StoreMap {...props} />
    </div>
  );
}
