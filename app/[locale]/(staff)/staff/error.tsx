'use client';
import { RetryingError } from '@/components/errors/retrying-error';

// The staff desks' boundary: a till or a drive screen left open comes back by itself.
export default function StaffError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RetryingError reset={reset} />;
}
