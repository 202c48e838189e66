import type { Metadata } from 'next';
import { Link } from '@/components/layout/link';
import { notFound } from 'next/navigation';
import { SaleReceiptView } from '@/components/receipts/sale-receipt';
import { PrintButton } from '@/components/staff/till/print-button';
import { canActOnStore, requireStaff } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { getSaleReceipt } from '@/lib/sales/queries';

type Params = { params: Promise<{ saleId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.till.receiptTitle };
}

/** A sale's receipt, for staff of the store that made it (others get the same 404 as a missing sale). Prints on its own. */
export default async function ReceiptPage({ params }: Params) {
  const { saleId: raw } = await params;
  const user = await requireStaff(`/staff/till/receipts/${encodeURIComponent(raw)}`);
  const { locale, t } = await getI18n();
  const receipt = /^\d{1,9}$/.test(raw) ? await getSaleReceipt(Number(raw), locale) : null;
  if (!receipt || !(await canActOnStore(user.id, receipt.store.id))) notFound();
  return (
    <div className="mx-auto max-w-md space-y-4 print:max-w-none">
      <div className="flex flex-wrap gap-2 print:hidden">
        <PrintButton label={t.till.print} />
        <Link href={`/staff/stores/${receipt.store.id}/till`} className="btn-primary" data-testid="till-new-ticket">
          {t.till.newTicket}
        </Link>
      </div>
      <SaleReceiptView receipt={receipt} locale={locale} t={t} />
    </div>
  );
}
