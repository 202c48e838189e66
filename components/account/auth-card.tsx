import { Link } from '@/components/layout/link';

type Props = {
  title: string;
  intro: string;
  children: React.ReactNode;
  footer: { text: string; href: string; label: string };
};

/** The frame shared by the sign-in and sign-up pages: narrow, centred, one column on every screen. */
export function AuthCard({ title, intro, children, footer }: Props) {
  return (
    <div className="mx-auto w-full max-w-md py-4 sm:py-10">
      <div className="card p-5 sm:p-8">
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        <p className="mt-1 mb-6 text-sm text-muted">{intro}</p>
        {children}
      </div>
      <p className="mt-4 text-center text-sm text-muted">
        {footer.text}{' '}
        <Link href={footer.href} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
          {footer.label}
        </Link>
      </p>
    </div>
  );
}
