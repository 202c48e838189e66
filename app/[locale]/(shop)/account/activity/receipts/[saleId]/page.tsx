import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Link } from '@/components/layout/link';
import { SaleReceiptView } from '@/components/receipts/sale-receipt';
import { PrintButton } from '@/components/staff/till/print-button';
import { requireUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { getSaleReceipt } from '@/lib/sales/queries';

type Params = { params: Promise<{ saleId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.till.receiptTitle, robots: { index: false } };
}

/** The receipt of one of the shopper's purchases in a shop, opened from "My activity"; anyone else's is a 404. */
export default async function ShopperReceiptPage({ params }: Params) {
  const { saleId: raw } = await params;
  const user = await requireUser(`/account/activity/receipts/${encodeURIComponent(raw)}`);
  const { locale, t } = await getI18n();
  const receipt = /^[1-9]\d{0,8}$/.test(raw) ? await getSaleReceipt(Number(raw), locale) : null;
  if (!receipt || receipt.customer?.id !== user.id) notFound();
  return (
    <div className="mx-auto w-full max-w-md space-y-4 print:max-w-none">
      <nav aria-label={t.activity.title} className="flex flex-wrap items-center justify-between gap-2 print:hidden">
        <Link href="/account/activity" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline">
          ← {t.activity.title}
        </Link>
        <PrintButton label={t.till.print} />
      </nav>
      <SaleReceiptView receipt={receipt} locale={locale} t={t} />
    </div>
  );
}
