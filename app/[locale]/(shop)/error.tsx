'use client';

// Last-resort boundary: a failure shows a way forward instead of a blank page.
export default function ShopError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const fr = typeof document !== 'undefined' && document.documentElement.lang === 'fr';
  return (
    <div role="alert" className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-bold">{fr ? 'Un problème est survenu' : 'Something went wrong'}</h1>
      <p className="mt-2 text-muted">{fr ? 'Réessayez dans un instant.' : 'Please try again in a moment.'}</p>
      <button type="button" onClick={reset} className="btn-primary mt-6">
        {fr ? 'Réessayer' : 'Try again'}
      </button>
    </div>
  );
}
