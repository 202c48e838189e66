import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/account/auth-card';
import { SignInForm } from '@/components/account/sign-in-form';
import { destinationAfterSignIn, safeCallbackPath } from '@/lib/auth/callback-url';
import { getSessionUser } from '@/lib/auth/guards';
import { getI18n, inRequestLocale } from '@/lib/i18n/server';
import { signInAction } from './sign-in-action';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.account.signInTitle, robots: { index: false } };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl } = await searchParams;
  const safeCallback = safeCallbackPath(callbackUrl);
  const user = await getSessionUser();
  if (user) redirect(await inRequestLocale(destinationAfterSignIn(safeCallback, user.role)));

  const { t } = await getI18n();
  const signUpHref = safeCallback ? `/sign-up?callbackUrl=${encodeURIComponent(safeCallback)}` : '/sign-up';
  return (
    <AuthCard title={t.account.signInTitle} intro={t.account.signInIntro} footer={{ text: t.account.noAccount, href: signUpHref, label: t.account.createOne }}>
      <SignInForm
        action={signInAction}
        callbackUrl={safeCallback}
        labels={{ email: t.account.email, password: t.account.password, submit: t.account.submitSignIn, pending: t.account.pending }}
      />
    </AuthCard>
  );
}
