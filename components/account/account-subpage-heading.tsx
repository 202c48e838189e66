import { Link } from '@/components/layout/link';

/** The top of an account page: the way back to the account, the page's title and what it holds. */
export function AccountSubpageHeading({ back, title, intro }: { back: string; title: string; intro: string }) {
  return (
    <>
      <nav aria-label={back}>
        <Link href="/account" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline">
          ← {back}
        </Link>
      </nav>
      <h1 className="mt-1 text-2xl font-bold tracking-tight">{title}</h1>
      <p className="mt-1 text-sm text-muted">{intro}</p>
    </>
  );
}
