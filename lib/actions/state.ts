/*
 * What every server action answers, in one shape (next-learn's single `State`): `ok`, a sentence
 * for the person in their language, the form fields it concerns, and for the screens that need
 * it, when it was answered. No 'server-only': the forms read these types and the initial state.
 */

/** A sentence per form field name (`quantity`, `windowStartsAt`, `qty_12`…), for aria-describedby. */
export type FieldErrors<F extends string = string> = Partial<Record<F, string>>;

/** A refusal: nothing was done, and `message` says why, on the fields it concerns. */
export type Refusal<F extends string = string> = {
  ok: false;
  message: string;
  fieldErrors?: FieldErrors<F>;
  /**
   * When it was answered (Date.now()), on the screens whose actions stamp it (`.stamped()`):
   * several forms of one screen share a message, and the latest `at` says which spoke last.
   */
  at?: number;
};

/**
 * What a form action answers (useActionState), the first state included. `D` is what a form needs
 * besides the sentence (the cart's count, what was typed, the sign-in link…): optional, as a
 * refusal may not carry it.
 */
export type ActionState<D extends object = object, F extends string = string> = {
  ok: boolean;
  message: string;
  fieldErrors?: FieldErrors<F>;
  at?: number;
} & Partial<D>;

/** Every form's first state (before any answer). */
export const initialActionState: ActionState = { ok: false, message: '' };

/** What an action called with its own arguments (the till, the cart's steppers) answers: its data, or a refusal. */
export type ActionResult<D extends object = object, R extends object = object> = ({ ok: true } & D) | (Refusal & Partial<R>);

/** A refusal with a sentence, on the fields it concerns. */
export function refuse<F extends string = string>(message: string, fieldErrors?: FieldErrors<F>): Refusal<F> {
  return fieldErrors && Object.keys(fieldErrors).length > 0 ? { ok: false, message, fieldErrors } : { ok: false, message };
}

/** Done, with a sentence saying what was done. */
export function done(message: string): { ok: true; message: string } {
  return { ok: true, message };
}

/** The latest answer among one screen's forms (actions built `.stamped()`): the one whose message shows. */
export function latestAnswer<S extends { at?: number }>(first: S, ...others: S[]): S {
  return others.reduce((a, b) => ((b.at ?? 0) > (a.at ?? 0) ? b : a), first);
}
