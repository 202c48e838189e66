import { Link } from '@/components/layout/link';
import { interpolate } from '@/lib/i18n/format';

type Props = {
  page: number;
  pages: number;
  href: (page: number) => string;
  t: { previous: string; next: string; page: string };
};

export function Pagination({ page, pages, href, t }: Props) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-center gap-3 pt-2">
      {page > 1 ? (
        <Link href={href(page - 1)} className="btn-secondary" rel="prev">
          {t.previous}
        </Link>
      ) : null}
      <span className="text-sm text-muted" aria-current="page">
        {interpolate(t.page, { n: page })} / {pages}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} className="btn-secondary" rel="next">
          {t.next}
        </Link>
      ) : null}
    </nav>
  );
}
