'use client';
import { useEffect, useRef, useState } from 'react';
import { useFormStatus } from 'react-dom';
import { interpolate } from '@/lib/i18n/format';

/** One thing staff can do to an order; with `confirm`, a second step asks first. */
export type OrderActionButton = {
  key: string;
  label: string;
  /** A form action (from useActionState), shared by every card of the screen. */
  action: (formData: FormData) => void;
  tone: 'primary' | 'secondary' | 'danger';
  confirm?: { question: string; submit: string };
};

type Props = {
  orderId: number;
  /** "CMD-…": every card has the same buttons, so each one's accessible name says which order it acts on. */
  orderNumber: string;
  /** Hidden fields every form posts besides the order id (the store the screen acts for). */
  fields?: Record<string, string | number>;
  buttons: OrderActionButton[];
  /** actionOnOrder: "{action}: order {number}". */
  labels: { pending: string; back: string; actionOnOrder: string };
};

const tones = {
  primary: 'btn-primary',
  secondary: 'btn-secondary',
  danger: 'btn text-out hover:bg-red-50',
} as const;

type SubmitProps = { label: string; named?: string; pending: string; className: string; ref?: React.Ref<HTMLButtonElement> };

function Submit({ label, named, pending: pendingLabel, className, ref }: SubmitProps) {
  const { pending } = useFormStatus();
  return (
    <button ref={ref} type="submit" disabled={pending} aria-label={pending ? undefined : named} className={`${className} min-h-12 w-full sm:min-h-11`}>
      {pending ? pendingLabel : label}
    </button>
  );
}

/**
 * An order card's buttons: plain ones post at once, the others (hand over, cancel, ship) ask
 * first, with the focus on the safe answer for a cancellation and on the confirmation otherwise.
 */
export function OrderActions({ orderId, orderNumber, fields = {}, buttons, labels }: Props) {
  const named = (action: string) => interpolate(labels.actionOnOrder, { action, number: orderNumber });
  const [confirming, setConfirming] = useState<string | null>(null);
  const focus = useRef<HTMLButtonElement>(null);
  useEffect(() => focus.current?.focus(), [confirming]);
  const hidden = (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="orderId" value={orderId} />
    </>
  );
  const asked = buttons.find((b) => b.key === confirming && b.confirm);
  if (asked?.confirm) {
    const danger = asked.tone === 'danger';
    const id = `confirm-${asked.key}-${orderId}`;
    return (
      <form
        action={asked.action}
        role="group"
        aria-labelledby={id}
        className={`space-y-2 rounded-lg border p-3 ${danger ? 'border-red-200 bg-red-50' : 'border-brand-100 bg-brand-50'}`}
      >
        {hidden}
        <p id={id} className="font-semibold">
          {asked.confirm.question}
        </p>
        <Submit
          ref={danger ? undefined : focus}
          label={asked.confirm.submit}
          pending={labels.pending}
          className={danger ? 'btn bg-out text-white hover:bg-red-800' : 'btn-primary'}
        />
        <button ref={danger ? focus : undefined} type="button" onClick={() => setConfirming(null)} className="btn-secondary min-h-12 w-full sm:min-h-11">
          {labels.back}
        </button>
      </form>
    );
  }
  // Side by side where they fit, else one per line; cancelling, quieter, on a line of its own.
  return (
    <div className="flex flex-wrap gap-2">
      {buttons.map((b) => {
        const size = b.tone === 'danger' ? 'basis-full min-h-11' : 'min-h-12 flex-1 basis-auto whitespace-nowrap sm:min-h-11';
        return b.confirm ? (
          <button key={b.key} type="button" onClick={() => setConfirming(b.key)} aria-label={named(b.label)} className={`${tones[b.tone]} ${size}`}>
            {b.label}
          </button>
        ) : (
          <form key={b.key} action={b.action} className={`flex ${size}`}>
            {hidden}
            <Submit label={b.label} named={named(b.label)} pending={labels.pending} className={`${tones[b.tone]} whitespace-nowrap`} />
          </form>
        );
      })}
    </div>
  );
}
