'use client';
import { RetryingError } from '@/components/errors/retrying-error';

// Last-resort boundary of the search and department pages: a way forward, and a page that recovers by itself.
export default function FoundError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RetryingError reset={reset} />;
}
