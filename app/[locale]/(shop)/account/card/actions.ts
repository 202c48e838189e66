'use server';
import { revalidatePath } from 'next/cache';
import type { JoinLoyaltyState } from '@/components/loyalty/join-panel';
import { getSessionUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { joinLoyalty } from '@/lib/loyalty/commands';

/**
 * The signed-in shopper joins the loyalty programme. Only ever for the session's own account (no
 * id comes from the form); joining twice returns the same card, so a double click is harmless.
 */
export async function joinLoyaltyAction(_prev: JoinLoyaltyState, _formData: FormData): Promise<JoinLoyaltyState> {
  const { t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return { ok: false, message: t.card.signInAgain };
  try {
    await joinLoyalty(user.id);
  } catch (err) {
    console.error('joinLoyaltyAction', err);
    return { ok: false, message: t.card.joinFailed };
  }
  revalidatePath('/account/card');
  return { ok: true, message: t.card.joined };
}
