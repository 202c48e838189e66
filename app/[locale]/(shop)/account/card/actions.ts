'use server';
import { formAction } from '@/lib/http/form-action';
import { revalidatePath } from 'next/cache';
import { getSessionUser } from '@/lib/auth/guards';
import { interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { formatCardNumber } from '@/lib/loyalty/card-number';
import { joinLoyalty } from '@/lib/loyalty/commands';

export type JoinLoyaltyState = { ok: boolean; message: string; cardNumber?: string };

/**
 * The signed-in shopper joins the loyalty programme (from their account page). The account is
 * the session's own — the form carries no id to tamper with — and joining twice gives back the
 * same card.
 */
async function joinLoyaltyActionUnchecked(_prev: JoinLoyaltyState, _formData: FormData): Promise<JoinLoyaltyState> {
  const { t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return { ok: false, message: t.account.loyaltySignInAgain };
  let cardNumber: string;
  try {
    ({ cardNumber } = await joinLoyalty(user.id));
  } catch (err) {
    console.error('[account] joining the loyalty programme failed', err);
    return { ok: false, message: t.account.loyaltyJoinFailed };
  }
  revalidatePath('/account/card');
  revalidatePath('/account');
  return { ok: true, message: interpolate(t.account.loyaltyJoined, { card: formatCardNumber(cardNumber) }), cardNumber };
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const joinLoyaltyAction = formAction({ ok: false, message: '' }, joinLoyaltyActionUnchecked);
