import { Link } from '@/components/layout/link';
import { formatMessage, interpolate } from '@/lib/i18n/format';
import type { FacetView } from './types';

const chip = 'inline-flex min-h-11 items-center gap-1.5 rounded-full border px-3 text-sm';

type ValueProps = { href: string; label: string; name: string; count: number; selected: boolean; view: FacetView; swatch?: string };

/** One value: a link that adds or removes it, its count beside it; disabled when it would show nothing. */
export function FacetValueLink({ href, label, name, count, selected, view, swatch }: ValueProps) {
  const { t, locale } = view;
  const dot = swatch ? <span aria-hidden="true" className="h-4 w-4 rounded-full border border-line" style={{ backgroundColor: swatch }} /> : null;
  const number = <span className={selected ? 'text-brand-700' : 'text-muted'}>{count}</span>;
  if (!selected && count === 0) {
    return (
      <span aria-disabled="true" className={`${chip} border-dashed border-line text-muted`}>
        {dot}
        {label} {number}
      </span>
    );
  }
  return (
    <Link
      href={href}
      rel="nofollow"
      scroll={false}
      prefetch={false}
      aria-current={selected ? 'true' : undefined}
      aria-label={selected ? interpolate(t.facetRemove, { name }) : formatMessage(t.facetAdd, { name, count }, locale)}
      className={`${chip} ${selected ? 'border-brand-600 bg-brand-50 font-semibold text-brand-700' : 'border-line bg-white hover:border-brand-500'}`}
    >
      {selected && <span aria-hidden="true">✓</span>}
      {dot}
      {label} {number}
    </Link>
  );
}
