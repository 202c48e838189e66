'use client';
import { useLayoutEffect, useRef, useState, type ChangeEvent, type HTMLAttributes, type Ref } from 'react';
import { interpolate } from '@/lib/i18n/format';
import { formatExpiryInput, groupCardNumber } from '@/lib/payments/card-number';
import type { CardField } from '@/lib/payments/card-schema';
import type { PaymentTexts } from '@/lib/payments/messages';
import { TEST_CARD_DECLINED, TEST_CARD_SUCCESS, TEST_CARDS } from '@/lib/payments/test-cards';

type Props = {
  /** The `payments` dictionary area. */
  texts: PaymentTexts;
  /** Translated field errors from the action (parseCardForm keys → texts). */
  errors?: Partial<Record<CardField, string>>;
  /** The provider's testMode: shows the banner with the test cards. */
  testMode?: boolean;
};

/**
 * Card inputs for the built-in test provider, rendered inside the checkout form as plain named
 * inputs (card_number, card_exp, card_cvc, card_holder). A real provider's hosted fields replace
 * this component and post a token instead.
 */
export function CardFields({ texts, errors = {}, testMode = true }: Props) {
  const [number, setNumber] = useState('');
  const [exp, setExp] = useState('');
  const [cvc, setCvc] = useState('');
  const [holder, setHolder] = useState('');
  const numberRef = useRef<HTMLInputElement>(null);
  const caret = useRef<number | null>(null);

  // Regrouping moves the caret to the end; put it back after the same number of digits.
  useLayoutEffect(() => {
    const el = numberRef.current;
    if (el && caret.current !== null && document.activeElement === el) el.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [number]);

  function onNumberChange(e: ChangeEvent<HTMLInputElement>) {
    const { value, selectionStart } = e.target;
    const digitsBefore = value.slice(0, selectionStart ?? value.length).replace(/\D/g, '').length;
    const next = groupCardNumber(value);
    let pos = 0;
    for (let seen = 0; pos < next.length && seen < digitsBefore; pos++) if (next[pos] !== ' ') seen++;
    caret.current = pos;
    setNumber(next);
  }

  function fill(card: string) {
    setNumber(groupCardNumber(card));
    setExp(`12/${String((new Date().getFullYear() + 3) % 100).padStart(2, '0')}`);
    setCvc('123');
    setHolder((h) => h || texts.testHolderName);
  }

  return (
    <div className="space-y-4">
      {testMode && <TestModeBanner texts={texts} onFill={fill} />}
      <CardInput
        name="card_number"
        label={texts.cardNumber}
        error={errors.card_number}
        inputRef={numberRef}
        value={number}
        onChange={onNumberChange}
        autoComplete="cc-number"
        inputMode="numeric"
        placeholder="1234 1234 1234 1234"
        mono
      />
      <div className="grid grid-cols-2 items-start gap-3">
        <CardInput
          name="card_exp"
          label={texts.cardExp}
          hint={texts.cardExpHint}
          error={errors.card_exp}
          value={exp}
          onChange={(e) => setExp(formatExpiryInput(e.target.value))}
          autoComplete="cc-exp"
          inputMode="numeric"
          mono
        />
        <CardInput
          name="card_cvc"
          label={texts.cardCvc}
          hint={texts.cardCvcHint}
          error={errors.card_cvc}
          value={cvc}
          onChange={(e) => setCvc(e.target.value.replace(/\D/g, '').slice(0, 4))}
          autoComplete="cc-csc"
          inputMode="numeric"
          mono
        />
      </div>
      <CardInput
        name="card_holder"
        label={texts.cardHolder}
        error={errors.card_holder}
        value={holder}
        onChange={(e) => setHolder(e.target.value)}
        autoComplete="cc-name"
        autoCapitalize="words"
      />
    </div>
  );
}

type CardInputProps = {
  name: CardField;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (e: ChangeEvent<HTMLInputElement>) => void;
  autoComplete: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  autoCapitalize?: string;
  placeholder?: string;
  mono?: boolean;
  inputRef?: Ref<HTMLInputElement>;
};

/** Like components/account/text-field.tsx, controlled: hint and error announced with the input. */
function CardInput({ name, label, hint, error, mono, inputRef, ...input }: CardInputProps) {
  const errorId = error ? `${name}-error` : undefined;
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <div>
      <label htmlFor={name} className="label">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type="text"
        ref={inputRef}
        required
        spellCheck={false}
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
        className={`input ${mono ? 'font-mono tabular-nums' : ''} ${error ? 'border-out' : ''}`}
        data-testid={name}
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
    </div>
  );
}

function TestModeBanner({ texts, onFill }: { texts: PaymentTexts; onFill: (card: string) => void }) {
  return (
    <section aria-labelledby="payment-test-mode" className="rounded-lg border-2 border-dashed border-low bg-low/5 p-3 text-sm" data-testid="payment-test-mode">
      <h3 id="payment-test-mode" className="font-bold tracking-wide text-low">
        {texts.testModeTitle}
      </h3>
      <p className="mt-1 text-ink">{texts.testModeIntro}</p>
      <p className="mt-2 font-medium text-ink">{texts.testCardsLabel}</p>
      <ul className="mt-1 divide-y divide-low/20">
        {TEST_CARDS.map((card) => {
          const outcome = texts[`testOutcome_${card.outcome}`];
          const grouped = groupCardNumber(card.number);
          const fillable = card.number === TEST_CARD_SUCCESS || card.number === TEST_CARD_DECLINED;
          return (
            <li key={card.number} className="flex min-h-11 flex-wrap items-center justify-between gap-x-3 py-1">
              <span>
                <span className="font-mono text-ink tabular-nums">{grouped}</span> <span className="text-muted">— {outcome}</span>
              </span>
              {fillable && (
                <button
                  type="button"
                  className="btn-secondary"
                  onClick={() => onFill(card.number)}
                  aria-label={interpolate(texts.testCardFillLabel, { number: grouped, outcome })}
                >
                  {texts.testCardFill}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
