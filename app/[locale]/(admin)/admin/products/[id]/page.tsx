import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PicturesPanel } from '@/components/admin/pictures-panel';
import { ProductForm } from '@/components/admin/product-form';
import { CancelScheduledForm } from '@/components/admin/cancel-scheduled-form';
import { ScheduleForm } from '@/components/admin/schedule-form';
import { SkuForm } from '@/components/admin/sku-form';
import { WithdrawForm } from '@/components/admin/withdraw-form';
import { Link } from '@/components/layout/link';
import { StatusPill } from '@/components/status-pill';
import { requireBackOffice } from '@/lib/auth/guards';
import { getAdminProduct, listAdminCategories } from '@/lib/catalog/back-office-queries';
import { variantLabel } from '@/lib/catalog/variant-label';
import { formatDateTime, formatPrice, interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { parseWholeNumber } from '@/lib/input/integer';
import { productPath } from '@/lib/routing/public-url';
import { cancelScheduledPriceAction } from './cancel-scheduled-price-action';
import { movePictureAction } from './move-picture-action';
import { removePictureAction } from './remove-picture-action';
import { uploadPictureAction } from './upload-picture-action';
import { schedulePriceAction } from './schedule-price-action';
import { setWithdrawnAction } from './set-withdrawn-action';
import { updateProductAction } from './update-product-action';
import { updateSkuAction } from './update-sku-action';

type Params = Promise<{ id: string }>;

async function load(params: Params) {
  const id = parseWholeNumber((await params).id, { min: 1, max: 2_147_483_647 });
  return id === undefined ? null : getAdminProduct(id);
}

/** The title without the product: metadata reads no database (it would run while the shell is prerendered). */
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.backOffice.productsTitle };
}

/** One product in the back office: its details, its variants and prices, whether it is on sale. */
export default async function AdminProductPage({ params }: { params: Params }) {
  const { id } = await params;
  await requireBackOffice(`/admin/products/${encodeURIComponent(id)}`);
  const [{ t, locale }, product, categories] = await Promise.all([getI18n(), load(params), listAdminCategories()]);
  if (!product) notFound();
  const b = t.backOffice;
  const name = locale === 'fr' ? product.nameFr : product.nameEn;
  const decimal = locale === 'fr' ? ',' : '.';
  const skuName = (sku: (typeof product.skus)[number]) => variantLabel(sku, locale, t) || sku.ean13;
  const skuById = new Map(product.skus.map((s) => [s.id, s]));
  const parisTime = (d: Date) => formatDateTime(d, locale);
  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin/products" className="text-sm font-medium text-brand-700 hover:underline">
          ← {b.backToProducts}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1">
          <h1 className="text-xl font-bold sm:text-2xl" data-testid="admin-product-title">
            {name}
          </h1>
          {product.withdrawnAt && <StatusPill tone="ended" status="withdrawn" label={b.withdrawnBadge} testId="admin-product-withdrawn" />}
        </div>
        <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {!product.withdrawnAt && (
            <Link href={productPath(product.slug)} className="font-medium text-brand-700 hover:underline">
              {b.viewOnShop}
            </Link>
          )}
          <Link href={`/admin/audit?product=${product.id}`} className="font-medium text-brand-700 hover:underline">
            {b.navAudit}
          </Link>
        </p>
      </div>

      <section aria-labelledby="details" className="card p-4 sm:p-5">
        <h2 id="details" className="mb-3 text-lg font-semibold">
          {b.detailsTitle}
        </h2>
        <ProductForm
          action={updateProductAction}
          product={product}
          departments={categories.map((c) => ({ id: c.id, name: locale === 'fr' ? c.nameFr : c.nameEn }))}
          labels={{
            nameFr: b.nameFr,
            nameEn: b.nameEn,
            descriptionFr: b.descriptionFr,
            descriptionEn: b.descriptionEn,
            brand: b.brand,
            department: b.department,
            save: b.save,
            saving: b.saving,
          }}
        />
      </section>

      <section aria-labelledby="pictures" className="card p-4 sm:p-5">
        <h2 id="pictures" className="text-lg font-semibold">
          {b.picturesTitle}
        </h2>
        <p className="mt-1 mb-3 text-sm text-muted">{b.picturesIntro}</p>
        <PicturesPanel
          productId={product.id}
          version={product.version}
          images={product.images}
          actions={{ upload: uploadPictureAction, move: movePictureAction, remove: removePictureAction }}
          labels={{
            file: b.pictureFile,
            upload: b.upload,
            uploading: b.uploading,
            tooLarge: b.pictureTooLarge,
            moveUp: b.moveUp,
            moveDown: b.moveDown,
            remove: b.remove,
            none: b.noPictures,
            number: b.pictureNumber,
            saving: b.saving,
          }}
        />
      </section>

      <section aria-labelledby="skus" className="card">
        <h2 id="skus" className="px-4 pt-4 text-lg font-semibold sm:px-5">
          {b.skusTitle}
        </h2>
        <ul className="mt-2 divide-y divide-line">
          {product.skus.map((sku, i) => (
            <li key={sku.id}>
              <SkuForm
                action={updateSkuAction}
                sku={sku}
                name={skuName(sku)}
                decimal={decimal}
                first={i === 0}
                labels={{ price: b.price, size: b.size, colour: b.colour, ean: b.ean, save: b.saveSku, saving: b.saving, skuFor: b.skuFor }}
              />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="scheduled" className="card p-4 sm:p-5">
        <h2 id="scheduled" className="text-lg font-semibold">
          {b.scheduleTitle}
        </h2>
        <p className="mt-1 mb-3 text-sm text-muted">{b.scheduleIntro}</p>
        {product.scheduled.length === 0 ? (
          <p className="mb-4 text-sm text-muted">{b.scheduleNone}</p>
        ) : (
          <ul className="mb-4 divide-y divide-line rounded-lg border border-line" data-testid="admin-scheduled">
            {product.scheduled.map((c) => {
              const sku = skuById.get(c.skuId);
              const state = c.appliedAt ? b.scheduleApplied : c.cancelledAt ? b.scheduleCancelledState : b.schedulePending;
              const label = `${sku ? skuName(sku) : `#${c.skuId}`} · ${formatPrice(c.priceCents, locale)} · ${parisTime(c.effectiveAt)}`;
              return (
                <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm" data-testid="admin-scheduled-row">
                  <span className={c.cancelledAt ? 'text-muted line-through' : ''}>
                    <span className="font-medium">{sku ? skuName(sku) : `#${c.skuId}`}</span> →{' '}
                    <span className="font-semibold tabular-nums">{formatPrice(c.priceCents, locale)}</span>
                    <span className="block text-muted">
                      {parisTime(c.effectiveAt)} · {state}
                    </span>
                  </span>
                  {!c.appliedAt && !c.cancelledAt && (
                    <CancelScheduledForm
                      action={cancelScheduledPriceAction}
                      scheduledId={c.id}
                      labels={{ cancel: b.scheduleCancel, named: `${b.scheduleCancel}: ${label}`, saving: b.saving }}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <ScheduleForm
          action={schedulePriceAction}
          skus={product.skus.map((s) => ({ id: s.id, label: `${skuName(s)} · ${formatPrice(s.priceCents, locale)}` }))}
          labels={{ sku: b.scheduleSku, price: b.schedulePrice, at: b.scheduleAt, schedule: b.schedule, saving: b.saving }}
        />
      </section>

      <section aria-labelledby="on-sale" className="card p-4 sm:p-5">
        <h2 id="on-sale" className="text-lg font-semibold">
          {b.withdrawTitle}
        </h2>
        <p className="mt-1 mb-3 text-sm text-muted">
          {product.withdrawnAt ? interpolate(b.withdrawnNote, { date: formatDateTime(product.withdrawnAt, locale) }) : b.onSaleNote}
        </p>
        <WithdrawForm
          action={setWithdrawnAction}
          productId={product.id}
          withdrawn={product.withdrawnAt !== null}
          labels={{ withdraw: b.withdraw, restore: b.restore, saving: b.saving }}
        />
      </section>
    </div>
  );
}
