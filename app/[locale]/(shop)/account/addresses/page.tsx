import type { Metadata } from 'next';
import { AccountSubpageHeading } from '@/components/account/account-subpage-heading';
import { RemoveAddressForm } from '@/components/account/address-book';
import { Link } from '@/components/layout/link';
import { requireUser } from '@/lib/auth/guards';
import { listSavedAddresses } from '@/lib/customers/addresses';
import { interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { removeAddressAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.orders.addressesTitle, robots: { index: false } };
}

/** "My delivery addresses": remembered from each home delivery, offered at checkout; edit or remove. */
export default async function AddressesPage() {
  const user = await requireUser('/account/addresses');
  const { t } = await getI18n();
  const to = t.orders;
  const addresses = await listSavedAddresses(user.id);
  return (
    <div className="mx-auto w-full max-w-2xl">
      <AccountSubpageHeading back={t.account.accountTitle} title={to.addressesTitle} intro={to.addressesHint} />
      {addresses.length === 0 ? (
        <p className="mt-6 card p-6 text-center text-muted" data-testid="addresses-empty">
          {to.addressesEmpty}
        </p>
      ) : (
        <ul className="mt-6 space-y-3" data-testid="addresses-list">
          {addresses.map((a) => {
            const line = `${a.address}, ${a.postcode} ${a.town}`;
            return (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 card px-5 py-4" data-testid="saved-address">
                <div className="min-w-0">
                  <p className="font-semibold">{a.name}</p>
                  <p className="text-sm break-words text-muted">{line}</p>
                  {a.phone && <p className="text-sm text-muted">{a.phone}</p>}
                </div>
                <div className="flex flex-wrap gap-2">
                  <Link
                    href={`/account/addresses/${a.id}`}
                    className="btn-secondary min-h-11 px-3 text-sm"
                    aria-label={interpolate(to.editAddressOf, { address: line })}
                  >
                    {to.editAddress}
                  </Link>
                  <RemoveAddressForm
                    action={removeAddressAction}
                    addressId={a.id}
                    label={to.removeAddress}
                    name={interpolate(to.removeAddressOf, { address: line })}
                  />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
