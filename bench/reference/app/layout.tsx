import type { Metadata, Viewport } from 'next';

export const metadata: Metadata = { title: 'Reference page', description: 'A blank Next.js page: the floor under the store’s figures.' };
export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body style={{ margin: 0, fontFamily: 'system-ui, sans-serif', lineHeight: 1.5 }}>{children}</body>
    </html>
  );
}
