import Link from 'next/link';
import { getI18n } from '@/lib/i18n/server';

export async function SiteHeader() {
  const { t } = await getI18n();
  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-bold text-brand-700">
          {t.common.siteName}
        </Link>
      </div>
    </header>
  );
}
