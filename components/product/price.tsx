import { formatPrice } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/config';

export function Price({ cents, locale, className }: { cents: number; locale: Locale; className?: string }) {
  return <span className={className}>{formatPrice(cents, locale)}</span>;
}
