import { LightHeader } from '@/components/layout/light-header';
import { isLocale } from '@/lib/i18n/config';

// Pages that are the same for everyone: prerendered at build, never touching the database.
export default async function InfoLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  return (
    <div className="flex min-h-dvh flex-col">
      <LightHeader locale={isLocale(locale) ? locale : 'fr'} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}
