'use client';
import useSWR from 'swr';
import type { DriveSlotsView } from '@/lib/drive/types';

async function fetchSlots(url: string): Promise<DriveSlotsView> {
  const res = await fetch(url, { cache: 'no-store' });
  if (!res.ok) throw new Error(`slots: ${res.status}`);
  return (await res.json()) as DriveSlotsView;
}

/** A drive store's slots, as the server rendered them and then kept fresh (places change by the second). */
export function useDriveSlots(storeId: number, initial: DriveSlotsView) {
  return useSWR(`/api/drive/slots?store=${storeId}`, fetchSlots, {
    fallbackData: initial,
    refreshInterval: 30_000,
    revalidateOnMount: false,
    revalidateOnFocus: true,
    keepPreviousData: true,
  });
}
