import { ShopFrame } from '@/components/layout/shop-frame';
import { isLocale } from '@/lib/i18n/config';

/** Shopper pages rendered per request or streamed behind their loading.tsx skeletons. */
export default async function ShopLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  return <ShopFrame locale={isLocale(locale) ? locale : 'fr'}>{children}</ShopFrame>;
}
