import { Link } from '@/components/layout/link';

type Props = {
  storeId: number;
  current: 'stock' | 'pickup' | 'drive' | 'till' | 'returns';
  /** `drive` only for a store that offers drive pickup, `returns` for one with a returns desk: no label, no tab. */
  labels: { nav: string; stock: string; pickup: string; till: string; drive?: string; returns?: string };
};

/** The store's desks as tabs of plain links: stock lookup, the till, the pickup desk, the drive and the returns desk where there are. */
export function StoreNav({ storeId, current, labels }: Props) {
  const items = [
    { key: 'stock', href: `/staff/stores/${storeId}`, label: labels.stock },
    { key: 'till', href: `/staff/stores/${storeId}/till`, label: labels.till },
    { key: 'pickup', href: `/staff/stores/${storeId}/pickup`, label: labels.pickup },
    ...(labels.drive ? [{ key: 'drive', href: `/staff/stores/${storeId}/drive`, label: labels.drive }] : []),
    ...(labels.returns ? [{ key: 'returns', href: `/staff/stores/${storeId}/returns`, label: labels.returns }] : []),
  ];
  return (
    <nav aria-label={labels.nav}>
      <ul className="flex gap-1 overflow-x-auto border-b border-line">
        {items.map((item) => (
          <li key={item.key}>
            <Link
              href={item.href}
              aria-current={item.key === current ? 'page' : undefined}
              className="-mb-px flex min-h-11 items-center border-b-2 border-transparent px-4 text-sm font-semibold whitespace-nowrap text-muted hover:text-ink aria-[current=page]:border-brand-600 aria-[current=page]:text-brand-700"
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
