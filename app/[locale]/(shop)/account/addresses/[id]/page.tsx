import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EditAddressForm } from '@/components/account/address-book';
import { Link } from '@/components/layout/link';
import { requireUser } from '@/lib/auth/guards';
import { getSavedAddress } from '@/lib/customers/addresses';
import { getI18n } from '@/lib/i18n/server';
import { saveAddressAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.orders.addressesTitle, robots: { index: false } };
}

/** One of the shopper's addresses, to edit; another account's (or an unknown) id is a 404. */
export default async function EditAddressPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/account/addresses/${encodeURIComponent(id)}`);
  const address = /^[1-9]\d{0,9}$/.test(id) ? await getSavedAddress(user.id, Number(id)) : null;
  if (!address) notFound();
  const { t } = await getI18n();
  const to = t.orders;
  const { deliveryAddress, fullName, postcode, town, phone, phoneHint, savedAddresses, newAddress } = to;
  return (
    <div className="mx-auto w-full max-w-xl">
      <nav aria-label={to.addressesTitle}>
        <Link href="/account/addresses" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline">
          ← {to.backToAddresses}
        </Link>
      </nav>
      <h1 className="mt-1 mb-4 text-2xl font-bold tracking-tight">{to.addressesTitle}</h1>
      <EditAddressForm
        action={saveAddressAction}
        address={{ id: address.id, name: address.name, address: address.address, postcode: address.postcode, town: address.town, phone: address.phone }}
        t={{
          deliveryAddress,
          fullName,
          address: to.address,
          postcode,
          town,
          phone,
          phoneHint,
          savedAddresses,
          newAddress,
          save: to.saveAddress,
          pending: to.savingAddress,
        }}
      />
    </div>
  );
}
