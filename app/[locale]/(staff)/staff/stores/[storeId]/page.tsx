import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LookupForm } from '@/components/staff/lookup-form';
import { StockResults } from '@/components/staff/stock-results';
import { StoreDeskHeader } from '@/components/staff/store-desk-header';
import { canActOnStore, requireStaff } from '@/lib/auth/guards';
import { listStaffStores } from '@/lib/auth/users';
import { formatDateTime, formatMessage, interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { MAX_COUNTED_ON_HAND, MAX_RECEIVE_QUANTITY } from '@/lib/inventory/commands';
import { LOOKUP_LIMIT, lookupStock } from '@/lib/inventory/staff-queries';
import { correctCountAction } from './correct-count-action';
import { recordDeliveryAction } from './record-delivery-action';
import { variantLabel } from '@/lib/catalog/variant-label';

type Params = { params: Promise<{ storeId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function parseStoreId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.staff.lookupSubmit };
}

export default async function StaffStorePage({ params, searchParams }: Params) {
  const { storeId: raw } = await params;
  const user = await requireStaff(`/staff/stores/${encodeURIComponent(raw)}`);
  const storeId = parseStoreId(raw);
  // Not a member and unknown store give the same 404: nothing about other stores leaks.
  if (storeId === null || !(await canActOnStore(user.id, storeId))) notFound();

  const { q } = await searchParams;
  const query = typeof q === 'string' ? q.trim().slice(0, 100) : '';
  const [{ locale, t }, stores, found] = await Promise.all([
    getI18n(),
    listStaffStores(user.id),
    query ? lookupStock({ locationId: storeId, query }) : Promise.resolve([]),
  ]);
  const store = stores.find((s) => s.id === storeId);
  const rows = found.map((r) => ({
    skuId: r.skuId,
    product: locale === 'fr' ? r.nameFr : r.nameEn,
    brand: r.brand,
    variant: variantLabel(r, locale, t),
    ean13: r.ean13,
    onHand: r.onHand,
    reserved: r.reserved,
    available: r.available,
    asOf: r.updatedAt ? formatDateTime(r.updatedAt, locale) : t.staff.never,
  }));

  return (
    <div className="space-y-4">
      <StoreDeskHeader storeId={storeId} store={store} current="stock" t={t} />
      <LookupForm
        action={`/staff/stores/${storeId}`}
        query={query}
        labels={{ label: t.staff.lookupLabel, placeholder: t.staff.lookupPlaceholder, submit: t.staff.lookupSubmit, hint: t.staff.lookupHint }}
      />
      {query && rows.length === 0 && (
        <p className="card p-4 text-muted" role="status">
          {interpolate(t.staff.noResults, { query })}
        </p>
      )}
      {rows.length > 0 && (
        <section aria-label={t.staff.lookupSubmit}>
          <StockResults
            storeId={storeId}
            rows={rows}
            actions={{ recordDelivery: recordDeliveryAction, correctCount: correctCountAction }}
            limits={{ receiveMax: MAX_RECEIVE_QUANTITY, countMax: MAX_COUNTED_ON_HAND }}
            labels={{
              caption:
                formatMessage(t.staff.resultsCount, { count: rows.length, query }, locale) + (rows.length >= LOOKUP_LIMIT ? ` — ${t.staff.resultsCapped}` : ''),
              product: t.staff.product,
              variant: t.staff.variant,
              ean: t.staff.ean,
              onHand: t.staff.onHand,
              reserved: t.staff.reserved,
              available: t.staff.available,
              asOf: t.staff.asOf,
              receiveLabel: t.staff.receiveLabel,
              receiveSubmit: t.staff.receiveSubmit,
              countLabel: t.staff.countLabel,
              countSubmit: t.staff.countSubmit,
              fieldFor: t.staff.fieldFor,
              pending: t.staff.pending,
            }}
          />
        </section>
      )}
    </div>
  );
}
