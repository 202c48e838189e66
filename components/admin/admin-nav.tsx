'use client';
import { usePathname } from 'next/navigation';
import { Link } from '@/components/layout/link';
import { splitLocalePath } from '@/lib/routing/public-url';

type Item = { href: string; label: string };

/** The back office's sections as tabs of plain links, the current one marked (its path or a page under it). */
export function AdminNav({ label, items }: { label: string; items: Item[] }) {
  const path = splitLocalePath(usePathname() ?? '/').path;
  return (
    <nav aria-label={label} className="border-b border-line bg-white">
      <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-1 sm:px-4">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={path === item.href || path.startsWith(`${item.href}/`) ? 'page' : undefined}
              className="-mb-px flex min-h-11 items-center border-b-2 border-transparent px-3 text-sm font-semibold whitespace-nowrap text-muted hover:text-ink aria-[current=page]:border-brand-600 aria-[current=page]:text-brand-700 sm:px-4"
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
