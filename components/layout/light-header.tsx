import Link from 'next/link';

/**
 * A header with no per-visitor parts and no database read, for pages that are prerendered at
 * build time (the static pages, and the not-found page Next renders into every route).
 */
export function LightHeader({ storesLabel, searchLabel }: { storesLabel: string; searchLabel: string }) {
  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="text-xl font-extrabold tracking-tight text-brand-700">
          Comptoir
        </Link>
        <Link href="/stores" className="ml-auto text-sm font-medium hover:underline sm:order-3">
          {storesLabel}
        </Link>
        <form action="/search" role="search" className="order-last flex w-full gap-2 sm:order-2 sm:w-auto sm:flex-1">
          <label htmlFor="light-search" className="sr-only">
            {searchLabel}
          </label>
          <input id="light-search" name="q" type="search" className="input min-h-10" maxLength={200} />
          <button type="submit" className="btn-primary min-h-10 px-3">
            {searchLabel}
          </button>
        </form>
      </div>
    </header>
  );
}
