import type { Metadata, Viewport } from 'next';
import { getI18n } from '@/lib/i18n/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Comptoir', template: '%s · Comptoir' },
  description: 'One catalogue, one price, one stock picture — online and in our stores.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#17644b' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale, t } = await getI18n();
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
          {t.common.skipToContent}
        </a>
        {children}
      </body>
    </html>
  );
}
