import type { Metadata } from 'next';
import { AuditChange } from '@/components/admin/audit-change';
import { Link } from '@/components/layout/link';
import { describeAuditChange } from '@/lib/audit/describe';
import { listAudit } from '@/lib/audit/queries';
import { requireBackOffice } from '@/lib/auth/guards';
import { listAdminCategories, productNames } from '@/lib/catalog/back-office-queries';
import { formatDateTime, interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { parseWholeNumber } from '@/lib/input/integer';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.backOffice.auditTitle };
}

type Search = Promise<{ product?: string | string[]; before?: string | string[] }>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const MAX_ID = Number.MAX_SAFE_INTEGER;

/** The audit log, newest first, 30 lines a page; one product's lines with ?product=. */
export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  await requireBackOffice('/admin/audit');
  const [{ t, locale }, params] = await Promise.all([getI18n(), searchParams]);
  const b = t.backOffice;
  const productId = parseWholeNumber(first(params.product), { min: 1, max: 2_147_483_647 });
  const before = parseWholeNumber(first(params.before), { min: 1, max: MAX_ID });
  const { lines, nextBefore } = await listAudit({ productId, before });
  const changesDepartment = lines.some((l) => [l.before, l.after].some((v) => v !== null && typeof v === 'object' && 'categoryId' in v));
  const [names, departments] = await Promise.all([
    productNames(lines.flatMap((l) => (l.productId === null ? [] : [l.productId]))),
    changesDepartment ? listAdminCategories() : [],
  ]);
  const departmentName = (id: number) => {
    const d = departments.find((c) => c.id === id);
    return d && (locale === 'fr' ? d.nameFr : d.nameEn);
  };
  const label = (key: string) => (b as Record<string, string>)[key] ?? key;
  const filtered = (more: Record<string, string>) => `/admin/audit?${new URLSearchParams({ ...(productId ? { product: String(productId) } : {}), ...more })}`;
  return (
    <div className="max-w-3xl">
      <h1 className="text-xl font-bold sm:text-2xl">{b.auditTitle}</h1>
      <p className="mt-1 text-sm text-muted">{b.auditIntro}</p>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="audit-product" className="label">
            {b.auditProductFilter}
          </label>
          <input id="audit-product" name="product" inputMode="numeric" pattern="[0-9]*" defaultValue={productId ?? ''} className="input w-32" />
        </div>
        <button type="submit" className="btn-secondary">
          {b.auditFilter}
        </button>
        {productId && (
          <Link href="/admin/audit" className="btn min-h-11 text-brand-700 hover:underline">
            {b.auditAll}
          </Link>
        )}
      </form>
      {lines.length === 0 ? (
        <p className="mt-4 card p-6 text-center text-muted">{b.auditEmpty}</p>
      ) : (
        <ol className="mt-4 divide-y divide-line card" data-testid="audit-lines">
          {lines.map((l) => {
            const product = l.productId === null ? undefined : names.get(l.productId);
            return (
              <li key={l.id} className="px-4 py-3" data-testid="audit-line" data-action={l.action}>
                <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
                  <time dateTime={l.at.toISOString()} className="text-muted tabular-nums">
                    {formatDateTime(l.at, locale)}
                  </time>
                  <span className="font-semibold">
                    {l.actorType === 'job'
                      ? b.auditJob
                      : l.actorType === 'api_key'
                        ? interpolate(b.auditApiKey, { name: l.actorName ?? '?' })
                        : (l.actorName ?? `#${l.actorUserId}`)}
                  </span>
                  {l.importId !== null && (
                    <Link href={`/admin/imports/${l.importId}`} className="text-brand-700 hover:underline">
                      {interpolate(b.auditImport, { id: l.importId })}
                    </Link>
                  )}
                </p>
                <p className="mt-0.5">
                  {label(`entity_${l.entity}`)} {l.entity !== 'product' && <span className="text-muted">#{l.entityId}</span>}{' '}
                  {product && l.productId !== null && (
                    <Link href={`/admin/products/${l.productId}`} className="font-medium text-brand-700 hover:underline">
                      {locale === 'fr' ? product.nameFr : product.nameEn}
                    </Link>
                  )}{' '}
                  — {label(`action_${l.action}`)}
                </p>
                <AuditChange
                  rows={describeAuditChange(l.before, l.after, { locale, t: b, departmentName })}
                  labels={{ before: b.auditBefore, after: b.auditAfter }}
                />
              </li>
            );
          })}
        </ol>
      )}
      <nav aria-label={b.pageNav} className="mt-4 flex justify-between gap-2">
        {before ? (
          <Link href={filtered({})} className="btn-secondary">
            {b.auditNewest}
          </Link>
        ) : (
          <span />
        )}
        {nextBefore && (
          <Link href={filtered({ before: String(nextBefore) })} className="btn-secondary" rel="next">
            {b.auditOlder}
          </Link>
        )}
      </nav>
    </div>
  );
}
