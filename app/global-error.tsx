'use client';
import './globals.css';
import { RetryingError } from '@/components/errors/retrying-error';

// An error in the root layout itself (its header reads the shopper's store and basket): the whole
// document is replaced, so this one brings its own <html>, and recovers by itself like the others.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const lang = typeof navigator !== 'undefined' && navigator.language.startsWith('fr') ? 'fr' : 'en';
  return (
    <html lang={lang}>
      <body>
        <RetryingError reset={reset} />
      </body>
    </html>
  );
}
