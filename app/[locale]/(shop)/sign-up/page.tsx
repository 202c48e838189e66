import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/account/auth-card';
import { SignUpForm } from '@/components/account/sign-up-form';
import { destinationAfterSignIn, signInPath, safeCallbackPath } from '@/lib/auth/callback-url';
import { getSessionUser } from '@/lib/auth/guards';
import { getI18n, inRequestLocale } from '@/lib/i18n/server';
import { signUpAction } from './sign-up-action';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.account.signUpTitle, robots: { index: false } };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl } = await searchParams;
  const safeCallback = safeCallbackPath(callbackUrl);
  const user = await getSessionUser();
  if (user) redirect(await inRequestLocale(destinationAfterSignIn(safeCallback, user.role)));

  const { t } = await getI18n();
  return (
    <AuthCard
      title={t.account.signUpTitle}
      intro={t.account.signUpIntro}
      footer={{ text: t.account.haveAccount, href: safeCallback ? signInPath(safeCallback) : '/sign-in', label: t.account.signInInstead }}
    >
      <SignUpForm
        action={signUpAction}
        callbackUrl={safeCallback}
        labels={{
          name: t.account.name,
          email: t.account.email,
          password: t.account.password,
          passwordHint: t.account.passwordHint,
          joinLoyalty: t.account.joinLoyalty,
          joinLoyaltyHint: t.account.joinLoyaltyHint,
          submit: t.account.submitSignUp,
          pending: t.account.pending,
        }}
      />
    </AuthCard>
  );
}
