'use client';
import { useRouter } from 'next/navigation';
import { startTransition, useEffect, useState } from 'react';

/** Waits between automatic attempts: 5 s, then 10, 20, and every 30 s after that. */
const DELAYS_S = [5, 10, 20, 30];

const text = {
  fr: {
    title: 'Un souci de notre côté',
    body: (s: number) => `Nous ne parvenons pas à afficher cette page pour le moment. Elle réessaie toute seule dans ${s} s.`,
    trying: 'Nouvel essai…',
    now: 'Réessayer maintenant',
  },
  en: {
    title: 'Something went wrong on our side',
    body: (s: number) => `We can’t show this page right now. It will try again by itself in ${s} s.`,
    trying: 'Trying again…',
    now: 'Try again now',
  },
};

/**
 * What an error boundary shows: a clear "try again" that also tries again by itself, with growing
 * waits, re-rendering the page on the server (router.refresh) and the boundary (reset) together.
 * A lost database connection is the usual cause: the page comes back on its own once it returns.
 */
export function RetryingError({ reset }: { reset: () => void }) {
  const router = useRouter();
  const [attempt, setAttempt] = useState(0);
  const [left, setLeft] = useState(DELAYS_S[0]!);
  const t = typeof document !== 'undefined' && document.documentElement.lang === 'fr' ? text.fr : text.en;

  const retry = () => {
    setAttempt((a) => a + 1);
    startTransition(() => {
      router.refresh();
      reset();
    });
  };

  useEffect(() => {
    const wait = DELAYS_S[Math.min(attempt, DELAYS_S.length - 1)]!;
    setLeft(wait);
    const started = Date.now();
    const tick = setInterval(() => {
      const remaining = wait - Math.floor((Date.now() - started) / 1000);
      if (remaining > 0) return setLeft(remaining);
      clearInterval(tick);
      retry();
    }, 1000);
    return () => clearInterval(tick);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one timer per attempt: `retry` is the same action each time
  }, [attempt]);

  return (
    <div role="alert" className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="mt-2 text-muted" aria-live="polite">
        {left > 0 ? t.body(left) : t.trying}
      </p>
      <button type="button" onClick={retry} className="mt-6 btn-primary">
        {t.now}
      </button>
    </div>
  );
}
