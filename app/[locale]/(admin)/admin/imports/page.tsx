import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ImportForm } from '@/components/imports/import-form';
import { ImportHistory } from '@/components/imports/import-history';
import { Link } from '@/components/layout/link';
import { formatMessage } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { parseWholeNumber } from '@/lib/input/integer';
import { IMPORT_KINDS } from '@/lib/import/rows';
import { listImports } from '@/lib/import/queries';
import { requireBackOffice } from '@/lib/auth/guards';
import { historyItem } from './history-items';
import { importFileAction } from './import-action';
import { MAX_PICTURES_BYTES, MAX_PICTURES_LABEL, MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL } from './import-form-input';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.imports.title, robots: { index: false } };
}

type Search = Promise<{ before?: string | string[] }>;

/**
 * Upload a catalogue, price, picture, store or stock file; read its refusals; the history below,
 * 50 a page, newest first (?before=: the keyset cursor of the older page; one that cannot be read
 * gives the newest page).
 */
export default function ImportsPage({ searchParams }: { searchParams: Search }) {
  return (
    <div className="max-w-4xl">
      <Suspense fallback={<div className="h-64" aria-busy="true" />}>
        <Imports searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

async function Imports({ searchParams }: { searchParams: Search }) {
  await requireBackOffice('/admin/imports');
  const params = await searchParams;
  const raw = Array.isArray(params.before) ? params.before[0] : params.before;
  const before = parseWholeNumber(raw, { min: 1, max: 2_147_483_647 });
  const [{ t, locale }, { imports: history, nextBefore }] = await Promise.all([getI18n(), listImports({ before })]);
  const max = MAX_UPLOAD_LABEL[locale];
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-xl font-bold sm:text-2xl">{t.imports.title}</h1>
        <p className="mt-1 text-sm text-muted">{t.imports.intro}</p>
      </header>
      <ImportForm
        action={importFileAction}
        kinds={IMPORT_KINDS.map((k) => ({ value: k, label: t.imports[`kind_${k}`] }))}
        maxBytes={MAX_UPLOAD_BYTES}
        maxPictureBytes={MAX_PICTURES_BYTES}
        labels={{
          kind: t.imports.kind,
          file: formatMessage(t.imports.file, { max }, locale),
          pictures: formatMessage(t.imports.pictures, { max: MAX_PICTURES_LABEL[locale] }, locale),
          picturesHint: t.imports.picturesHint,
          picturesTooLarge: formatMessage(t.imports.picturesTooLarge, { max: MAX_PICTURES_LABEL[locale] }, locale),
          submit: t.imports.submit,
          submitting: t.imports.submitting,
          fileTooLarge: formatMessage(t.imports.fileTooLarge, { max }, locale),
          notCsvOrJson: t.imports.notCsvOrJson,
          line: t.imports.line,
          column: t.imports.column,
          problem: t.imports.problem,
        }}
      />
      <section aria-labelledby="import-history-title" className="space-y-3">
        <h2 id="import-history-title" className="text-lg font-semibold">
          {t.imports.history}
        </h2>
        <ImportHistory items={history.map((i) => historyItem(i, t.imports, locale))} labels={{ details: t.imports.details, empty: t.imports.noHistory }} />
        <nav aria-label={t.imports.historyPages} className="flex justify-between gap-2" data-testid="import-history-pages">
          {before ? (
            <Link href="/admin/imports#import-history-title" className="btn-secondary">
              {t.imports.historyNewest}
            </Link>
          ) : (
            <span />
          )}
          {nextBefore && (
            <Link href={`/admin/imports?before=${nextBefore}#import-history-title`} className="btn-secondary" rel="next">
              {t.imports.historyOlder}
            </Link>
          )}
        </nav>
      </section>
    </div>
  );
}
