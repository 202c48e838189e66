import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { MessageCard } from '@/components/messages/message-card';
import { requireStaff } from '@/lib/auth/guards';
import { getI18n, inRequestLocale } from '@/lib/i18n/server';
import { listRecentMessages } from '@/lib/messages/queries';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.messages.staffTitle };
}

/** What was sent to customers, and what is waiting: admins only (customers' addresses, chain-wide). */
export default async function MessagesPage() {
  const user = await requireStaff('/staff/messages');
  if (user.role !== 'admin') redirect(await inRequestLocale('/staff'));
  const { locale, t } = await getI18n();
  const messages = await listRecentMessages(100);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-xl font-bold sm:text-2xl">{t.messages.staffTitle}</h1>
      <p className="mt-1 text-sm text-muted">{t.messages.staffIntro}</p>
      {messages.length === 0 ? (
        <p className="mt-5 card p-6 text-center text-muted" data-testid="messages-empty">
          {t.messages.staffEmpty}
        </p>
      ) : (
        <ul className="mt-5 space-y-3" data-testid="messages-list">
          {messages.map((m) => (
            <MessageCard key={m.id} message={m} locale={locale} t={t.messages} />
          ))}
        </ul>
      )}
    </div>
  );
}
