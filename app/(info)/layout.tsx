import Link from 'next/link';

// Pages that are the same for everyone (prerendered at build, never touching the database):
// a light header without the per-visitor parts.
export default function InfoLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-line bg-white">
        <div className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-3 sm:px-6">
          <Link href="/" className="text-xl font-extrabold tracking-tight text-brand-700">
            Comptoir
          </Link>
          <Link href="/stores" className="ml-auto text-sm font-medium hover:underline">
            Magasins · Stores
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}
