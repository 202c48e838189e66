'use server';
import { revalidatePath } from 'next/cache';
import { shopperAction } from '@/lib/actions/builder';
import type { ActionState } from '@/lib/actions/state';
import { interpolate } from '@/lib/i18n/format';
import { formatCardNumber } from '@/lib/loyalty/card-number';
import { joinLoyalty } from '@/lib/loyalty/commands';

/**
 * The signed-in shopper joins the loyalty programme (from their account page). The account is
 * the session's own — the form carries no id to tamper with — and joining twice gives back the
 * same card. A failure says so on the form (logged), not an error page.
 */
export const joinLoyaltyAction = shopperAction('loyalty')
  .form()
  .unexpected((t) => t.account.loyaltyJoinFailed)
  .run<ActionState<{ cardNumber: string }>>(async ({ user, t }) => {
    const { cardNumber } = await joinLoyalty(user.id);
    revalidatePath('/account/card');
    revalidatePath('/account');
    return { ok: true, message: interpolate(t.account.loyaltyJoined, { card: formatCardNumber(cardNumber) }), cardNumber };
  });
