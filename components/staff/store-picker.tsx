import { Link } from '@/components/layout/link';

type Store = { id: number; name: string; town: string };

/**
 * A desk's entry page when the staff member works at several shops: which shop's till, returns
 * desk, …? Each card opens `/staff/stores/<id>/<desk>`.
 */
export function StorePicker({ title, intro, stores, desk, testId }: { title: string; intro: string; stores: Store[]; desk: string; testId: string }) {
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-xl font-bold sm:text-2xl">{title}</h1>
      <p className="mt-1 text-sm text-muted">{intro}</p>
      <ul className="mt-5 grid gap-3 sm:grid-cols-2">
        {stores.map((s) => (
          <li key={s.id}>
            <Link
              href={`/staff/stores/${s.id}/${desk}`}
              className="flex min-h-16 flex-col justify-center card px-4 py-3 hover:border-brand-500"
              data-testid={testId}
            >
              <span className="font-semibold">{s.name}</span>
              <span className="text-sm text-muted">{s.town}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
