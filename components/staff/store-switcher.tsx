'use client';
import { Link } from '@/components/layout/link';
import { useParams } from 'next/navigation';

type Props = { stores: { id: number; name: string; town: string }[]; label: string; switchLabel: string };

/**
 * The current store, and the others this person works in. A <details> menu of plain links: it
 * works before JavaScript loads, and a handheld's back button behaves as expected.
 */
export function StoreSwitcher({ stores, label, switchLabel }: Props) {
  const params = useParams<{ storeId?: string }>();
  const current = stores.find((s) => String(s.id) === params.storeId);
  // On the store picker itself the list is the page; the menu only helps once inside a store.
  if (!current) return null;
  return (
    <details className="group relative">
      <summary
        className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 rounded-lg border border-white/25 px-3 text-sm font-medium hover:bg-white/10 [&::-webkit-details-marker]:hidden"
        aria-label={current ? `${label}: ${current.name}. ${switchLabel}` : switchLabel}
      >
        <span className="truncate sm:max-w-[16rem]">{current ? current.name : switchLabel}</span>
        <span aria-hidden="true" className="text-xs transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <ul className="absolute right-0 z-20 mt-2 w-full overflow-hidden rounded-xl border border-line bg-white text-ink shadow-lg sm:w-72">
        {stores.map((s) => (
          <li key={s.id}>
            <Link
              href={`/staff/stores/${s.id}`}
              aria-current={s.id === current?.id ? 'page' : undefined}
              className="flex min-h-12 flex-col justify-center px-4 py-2 hover:bg-brand-50 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold"
            >
              <span>{s.name}</span>
              <span className="text-xs text-muted">{s.town}</span>
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
