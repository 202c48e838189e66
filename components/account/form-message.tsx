import { Link } from '@/components/layout/link';

type Props = { ok: boolean; message: string; link?: { href: string; label: string } };

/** The form's outcome, read out by screen readers when it changes. Always in the DOM. */
export function FormMessage({ ok, message, link }: Props) {
  return (
    <div aria-live="polite" role="status" className="min-h-0">
      {message && (
        <p
          className={`rounded-lg border px-3 py-2 text-sm ${ok ? 'border-brand-100 bg-brand-50 text-ok' : 'border-out/30 bg-out/5 text-out'}`}
          data-testid="form-message"
        >
          {message}
          {link && (
            <>
              {' '}
              <Link href={link.href} className="font-semibold underline underline-offset-2">
                {link.label}
              </Link>
            </>
          )}
        </p>
      )}
    </div>
  );
}
