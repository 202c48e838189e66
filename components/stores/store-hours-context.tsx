'use client';

import { createContext, use, type ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/config';
import type { OpeningInterval } from '@/lib/stores/hours';
import type { OpeningTexts } from '@/lib/stores/opening-text';

type StoreHours = { locale: Locale; t: OpeningTexts; weeks: OpeningInterval[][] };

const StoreHoursContext = createContext<StoreHours | null>(null);

/**
 * What every "open now" line of a page shares, sent to the browser once rather than per store:
 * the language, its texts and the distinct weekly hours (lib/stores/hours.ts, distinctWeeks).
 */
export function StoreHoursProvider({ children, ...value }: StoreHours & { children: ReactNode }) {
  return <StoreHoursContext value={value}>{children}</StoreHoursContext>;
}

export function useStoreHours(): StoreHours {
  const value = use(StoreHoursContext);
  if (!value) throw new Error('useStoreHours needs a StoreHoursProvider above it');
  return value;
}
