'use client';

import type { ComponentProps } from 'react';
import { StoreMapLoader } from '@/components/map/store-map-loader';
import { useMyStoreId } from './use-my-store-id';

/** The store pages' map: the visitor's store is read in the browser (the pages are kept whole). */
export function StoreLocatorMap(props: Omit<ComponentProps<typeof StoreMapLoader>, 'myStoreId'>) {
  return <StoreMapLoader {...props} myStoreId={useMyStoreId()} />;
}
