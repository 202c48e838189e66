import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { Link } from '@/components/layout/link';
import { ImportHistory } from '@/components/imports/import-history';
import { RefusalsTable } from '@/components/imports/refusals-table';
import { formatMessage } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { getImport } from '@/lib/import/queries';
import { requireBackOffice } from '@/lib/auth/guards';
import { historyItem } from '../history-items';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const [{ t, locale }, { id }] = await Promise.all([getI18n(), params]);
  return { title: formatMessage(t.imports.detailTitle, { id: /^\d{1,9}$/.test(id) ? id : '?' }, locale), robots: { index: false } };
}

/** One import: what it was, and every refusal by line and column. */
export default function ImportPage({ params }: Params) {
  return (
    <div className="max-w-4xl">
      <Suspense fallback={<div className="h-64" aria-busy="true" />}>
        <ImportDetail params={params} />
      </Suspense>
    </div>
  );
}

async function ImportDetail({ params }: Params) {
  const { id } = await params;
  await requireBackOffice(`/admin/imports/${encodeURIComponent(id)}`);
  const found = /^\d{1,9}$/.test(id) ? await getImport(Number(id)) : null;
  if (!found) notFound();
  const { t, locale } = await getI18n();
  const item = historyItem(found, t.imports, locale);
  return (
    <div className="space-y-5">
      <Link href="/admin/imports" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← {t.imports.back}
      </Link>
      <h1 className="text-xl font-bold sm:text-2xl">{formatMessage(t.imports.detailTitle, { id: found.id }, locale)}</h1>
      <ImportHistory items={[item]} labels={{ details: t.imports.details, empty: t.imports.noHistory }} linked={false} />
      {found.refusals.length > 0 ? (
        <RefusalsTable refusals={found.refusals} labels={{ line: t.imports.line, column: t.imports.column, problem: t.imports.problem }} />
      ) : (
        <p className="text-sm text-muted">{t.imports.noRefusals}</p>
      )}
    </div>
  );
}
