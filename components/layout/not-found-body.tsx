import Link from 'next/link';

export function NotFoundBody({ t }: { t: { notFoundTitle: string; notFoundBody: string; backHome: string } }) {
  return (
    <div className="py-10 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-bold">{t.notFoundTitle}</h1>
      <p className="mt-2 text-muted">{t.notFoundBody}</p>
      <Link href="/" className="btn-primary mt-6">
        {t.backHome}
      </Link>
    </div>
  );
}
