import { getI18n } from '@/lib/i18n/server';

export async function SiteFooter() {
  const { t } = await getI18n();
  return (
    <footer className="border-t border-line bg-white">
      <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-muted sm:px-6">{t.common.footerNote}</div>
    </footer>
  );
}
