import { IntentLink } from '@/components/layout/intent-link';
import { isBackOfficeRole } from '@/lib/auth/roles';
import type { VisitorSummary } from '@/lib/visitor/types';

export type AccountLinkTexts = { signIn: string; account: string; staffConsole: string; backOffice: string; cardLink: string };

type Props = {
  /** loading: not known yet (a neutral placeholder: never "Sign in" to someone signed in). */
  status: 'loading' | 'failed' | 'ready';
  user: VisitorSummary['user'] | undefined;
  t: AccountLinkTexts;
};

const linkClass = 'inline-flex min-h-11 shrink-0 items-center whitespace-nowrap rounded-lg px-2 text-sm font-medium text-ink hover:bg-brand-50';

/**
 * Header widget: "Sign in" when signed out; when signed in, the loyalty card (what a shopper opens
 * at the till) and the first name (→ /account); plus the staff console for staff and admins, and
 * the back office for those who may enter it (admins, catalogue staff: lib/auth/roles.ts).
 * Until the visitor is known, a grey bar as wide as "Sign in" holds its place; if they cannot be
 * read, "Sign in" (whose page sends a signed-in visitor on to their account).
 */
export function AccountLink({ status, user, t }: Props) {
  if (status === 'loading') {
    return (
      <span className={linkClass} aria-hidden="true" data-testid="account-link-placeholder">
        <span className="rounded bg-line/70">
          <span className="invisible">{t.signIn}</span>
        </span>
      </span>
    );
  }
  if (!user) {
    return (
      <IntentLink href="/sign-in" className={linkClass}>
        {t.signIn}
      </IntentLink>
    );
  }
  const firstName = user.firstName || t.account;
  const isStaff = user.role === 'staff' || user.role === 'admin';
  const backOffice = isBackOfficeRole(user.role);
  return (
    <div className="flex items-center gap-1">
      {isStaff && (
        <IntentLink href="/staff" className={`${linkClass} text-brand-700`}>
          {t.staffConsole}
        </IntentLink>
      )}
      {/* Beside the console (an admin), a phone's header has no room for both: the account page, one tap away, links both. */}
      {backOffice && (
        <IntentLink
          href="/admin"
          className={`${isStaff ? linkClass.replace('inline-flex', 'hidden sm:inline-flex') : linkClass} text-brand-700`}
          data-testid="header-back-office"
        >
          {t.backOffice}
        </IntentLink>
      )}
      {/* Staff already have their desk's link: on their phones the card stays on the account page. */}
      <IntentLink
        href="/account/card"
        className={`${isStaff || backOffice ? linkClass.replace('inline-flex', 'hidden sm:inline-flex') : linkClass} text-brand-700`}
        aria-label={t.cardLink}
        data-testid="header-card-link"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 sm:mr-1.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <rect x="2.5" y="5" width="19" height="14" rx="2.5" />
          <path d="M6 9v6M9 9v6M11.5 9v6M15 9v6M18 9v6" />
        </svg>
        <span className="hidden sm:inline">{t.cardLink}</span>
      </IntentLink>
      <IntentLink href="/account" className={linkClass} aria-label={`${t.account}: ${user.name}`}>
        <span aria-hidden="true" className="grid size-7 place-items-center rounded-full bg-brand-100 text-xs font-bold text-brand-700 sm:mr-1.5">
          {firstName.charAt(0).toUpperCase()}
        </span>
        {/* Staff have one more link: on phones the initial alone keeps the header on one line. */}
        {/* On a phone the initial is enough: the room goes to "my store" beside it. */}
        <span className="hidden max-w-[8rem] truncate sm:inline">{firstName}</span>
      </IntentLink>
    </div>
  );
}
