import type { Metadata } from 'next';
import { AccountSubpageHeading } from '@/components/account/account-subpage-heading';
import { Link } from '@/components/layout/link';
import { TimelineEntry } from '@/components/activity/timeline-entry';
import { requireUser } from '@/lib/auth/guards';
import { listTimeline, type TimelineItem } from '@/lib/customers/timeline';
import { TIME_ZONE, type Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.activity.title, robots: { index: false } };
}

const parisDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(d);

function dayHeading(day: string, locale: Locale, t: Dictionary['activity'], now: Date): string {
  if (day === parisDay(now)) return t.today;
  if (day === parisDay(new Date(now.getTime() - 24 * 3600_000))) return t.yesterday;
  const date = new Date(`${day}T12:00:00Z`);
  const sameYear = day.slice(0, 4) === parisDay(now).slice(0, 4);
  const text = formatDate(date, locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  });
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Items of a page by the Paris day they happened on, newest day first. */
function byDay(items: TimelineItem[]): [string, TimelineItem[]][] {
  const days = new Map<string, TimelineItem[]>();
  for (const item of items) {
    const day = parisDay(item.at);
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return [...days];
}

type Props = { searchParams: Promise<{ before?: string | string[] }> };

/** "My activity": web orders, shop sales, reservations and points — the session's own only. */
export default async function ActivityPage({ searchParams }: Props) {
  const user = await requireUser('/account/activity');
  const [{ locale, t }, params] = await Promise.all([getI18n(), searchParams]);
  const before = typeof params.before === 'string' ? params.before : null;
  const { items, next } = await listTimeline(user.id, { limit: 20, cursor: before });
  const a = t.activity;
  const now = new Date();
  return (
    <div className="mx-auto w-full max-w-2xl">
      <AccountSubpageHeading back={t.account.accountTitle} title={a.title} intro={a.intro} />
      {items.length === 0 ? (
        <div className="mt-6 card p-6 text-center" data-testid="activity-empty">
          <p className="font-semibold">{a.empty}</p>
          <p className="mt-1 text-sm text-muted">{a.emptyHint}</p>
          <Link href="/" className="mt-4 btn-primary">
            {a.browse}
          </Link>
        </div>
      ) : (
        <div className="mt-6 space-y-5" data-testid="activity">
          {byDay(items).map(([day, dayItems]) => (
            <section key={day} aria-labelledby={`day-${day}`}>
              <h2 id={`day-${day}`} className="mb-2 text-sm font-semibold text-muted">
                {dayHeading(day, locale, a, now)}
              </h2>
              <ul className="divide-y divide-line overflow-hidden card">
                {dayItems.map((item) => (
                  <TimelineEntry key={`${item.kind}-${item.id}`} item={item} locale={locale} t={t} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      {(next || before) && (
        <nav className="mt-6 flex flex-col gap-3 sm:flex-row sm:justify-between" aria-label={a.title}>
          {before && (
            <Link href="/account/activity" className="btn-secondary">
              {a.newest}
            </Link>
          )}
          {next && (
            <Link href={`/account/activity?before=${encodeURIComponent(next)}`} className="btn-primary sm:ml-auto" data-testid="activity-older">
              {a.older} →
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
