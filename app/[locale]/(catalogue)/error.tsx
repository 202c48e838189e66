'use client';
import { RetryingError } from '@/components/errors/retrying-error';

// Last-resort boundary of the home and product pages: a way forward, and a page that recovers by itself.
export default function CatalogueError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RetryingError reset={reset} />;
}
