import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import { RouteLocaleProvider } from '@/components/layout/route-locale';
import { ServiceWorkerRegistration } from '@/components/pwa/service-worker-registration';
import { LOCALES, isLocale } from '@/lib/i18n/config';
import { getDictionary } from '@/lib/i18n/dictionary';
import '../globals.css';

export const metadata: Metadata = {
  title: { default: 'Comptoir', template: '%s · Comptoir' },
  description: 'One catalogue, one price, one stock picture — online and in our stores.',
  // app/manifest.ts is linked by Next itself; iOS reads its own tags for the home-screen app.
  appleWebApp: { capable: true, title: 'Comptoir', statusBarStyle: 'default' },
  icons: { apple: '/icons/apple-touch-icon.png' },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#17644b' };

// The proxy rewrites every page URL to /<locale>/…, so each language has its own prerendered shell.
export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export default async function RootLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = getDictionary(locale);
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
          {t.common.skipToContent}
        </a>
        <RouteLocaleProvider locale={locale}>{children}</RouteLocaleProvider>
        <ServiceWorkerRegistration />
      </body>
    </html>
  );
}
