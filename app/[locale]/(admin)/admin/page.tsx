import type { Metadata } from 'next';
import { Link } from '@/components/layout/link';
import { requireBackOffice } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.backOffice.title };
}

/** The back office's home: its sections, each with what it is for. */
export default async function AdminHomePage() {
  const user = await requireBackOffice('/admin');
  const { t } = await getI18n();
  const b = t.backOffice;
  const sections = [
    { href: '/admin/products', title: b.navProducts, hint: b.homeProductsHint, testId: 'admin-products' },
    { href: '/admin/imports', title: b.navImports, hint: b.homeImportsHint, testId: 'admin-imports' },
    ...(user.role === 'admin'
      ? [
          { href: '/admin/api-keys', title: b.navApiKeys, hint: b.homeApiKeysHint, testId: 'admin-api-keys' },
          { href: '/admin/webhooks', title: b.navWebhooks, hint: b.homeWebhooksHint, testId: 'admin-webhooks' },
        ]
      : []),
    { href: '/admin/audit', title: b.navAudit, hint: b.homeAuditHint, testId: 'admin-audit' },
  ];
  return (
    <div className="max-w-3xl">
      <h1 className="text-xl font-bold sm:text-2xl">{b.title}</h1>
      <p className="mt-1 text-sm text-muted">{b.homeIntro}</p>
      <ul className="mt-5 grid gap-3 sm:grid-cols-2">
        {sections.map((s, i) => (
          <li key={s.href}>
            <Link
              href={s.href}
              className={`flex min-h-16 flex-col justify-center card px-4 py-3 hover:border-brand-500 ${i === 0 ? 'border-brand-100 bg-brand-50' : ''}`}
              data-testid={s.testId}
            >
              <span className="font-semibold">{s.title}</span>
              <span className="text-sm text-muted">{s.hint}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
