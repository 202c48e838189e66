import { IntentLink } from '@/components/layout/intent-link';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { ResumePending } from '@/components/forms/resume-pending';
import { initialActionState, type ActionState } from '@/lib/actions/state';
import { reserveScope } from './form-state';
import { ReserveForm, type ReserveFormTexts, type ReserveStoreOption } from './reserve-form';

type Props = {
  locale: Locale;
  /** "Checking whether your last request went through…" */
  resumeText: string;
  t: Dictionary['reservations'];
  skuId: number;
  /** The product, as the quantity's − and + buttons name it. */
  itemName: string;
  stores: ReserveStoreOption[];
  defaultStoreId: number | null;
  maxUnitsPerSku: number;
  /** Made when the page rendered; the form makes a fresh one each time it mounts. */
  idempotencyKey: string;
  /** Signed out: where "Sign in to reserve" goes (sign-in, coming back to this product and size). */
  signInHref: string | null;
  /** Shops are sorted from my store; otherwise by name, and the panel says how to get the nearest first. */
  nearestFirst: boolean;
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
};

/** Only the strings the form shows travel to the browser. */
function formTexts(t: Dictionary['reservations']): ReserveFormTexts {
  const { store, quantity, decrease, increase, availableHere, heldFor, storeOption, storeOptionDistance, quantityHint, confirm, pending } = t;
  return { store, quantity, decrease, increase, availableHere, heldFor, storeOption, storeOptionDistance, quantityHint, confirm, pending };
}

/** "Reserve in store · pay at pickup" on the product page, below the stock figures. */
export function ReservePanel({
  locale,
  resumeText,
  t,
  skuId,
  itemName,
  stores,
  defaultStoreId,
  maxUnitsPerSku,
  idempotencyKey,
  signInHref,
  nearestFirst,
  action,
}: Props) {
  return (
    <section aria-labelledby="reserve-title" className="card p-4" data-testid="reserve-in-store">
      <h2 id="reserve-title" className="text-base font-bold">
        {t.panelTitle} <span className="font-normal whitespace-nowrap text-muted">· {t.panelSubtitle}</span>
      </h2>
      {/* A reservation sent from this tab whose answer was lost (even of the last unit): asked again by its key. */}
      {!signInHref && <ResumePending scope={reserveScope(skuId)} action={action} initial={initialActionState} text={resumeText} />}
      {stores.length === 0 ? (
        <p className="mt-2 text-sm text-muted" data-testid="reserve-unavailable">
          {t.noStore}
        </p>
      ) : signInHref ? (
        <>
          <p className="mt-1 text-sm text-muted">{t.signedOutIntro}</p>
          <IntentLink href={signInHref} className="mt-3 btn-primary w-full sm:w-auto">
            {t.signInToReserve}
          </IntentLink>
        </>
      ) : (
        <>
          <p className="mt-1 mb-3 text-sm text-muted">{t.panelIntro}</p>
          <ReserveForm
            action={action}
            locale={locale}
            skuId={skuId}
            itemName={itemName}
            stores={stores}
            defaultStoreId={defaultStoreId}
            maxUnitsPerSku={maxUnitsPerSku}
            idempotencyKey={idempotencyKey}
            t={formTexts(t)}
            nearestFirstLink={nearestFirst ? null : t.nearestFirst}
          />
        </>
      )}
    </section>
  );
}
