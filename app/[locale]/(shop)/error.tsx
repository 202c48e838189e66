'use client';
import { RetryingError } from '@/components/errors/retrying-error';

// Last-resort boundary of the shop: a way forward, and a page that recovers by itself.
export default function ShopError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RetryingError reset={reset} />;
}
