import { LightHeader } from '@/components/layout/light-header';

// Pages that are the same for everyone: prerendered at build, never touching the database.
export default function InfoLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <LightHeader />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}
