import type { SubstituteAnswer } from './schema';

/*
 * What a picked drive order comes to, as its screens show it before handover (the staff's card,
 * the shopper's proposal). Display only: the handover's totals are summed by the database from
 * the lines it writes (lib/orders/picking.ts settlePicking), with the same rules.
 */

type PickedLine = {
  quantity: number;
  unitPriceCents: number;
  pickedQuantity: number | null;
  substitute: { quantity: number; unitPriceCents: number; answer: SubstituteAnswer | null } | null;
};

/** Whether a line's substitute will be handed over: the shopper's answer, else their checkout preference. */
export function substituteTaken(answer: SubstituteAnswer | null, welcome: boolean): boolean {
  return answer === null ? welcome : answer === 'accepted';
}

/** The goods as handed over if handed over now: found units, and the substitutes that will be taken. */
export function pickedGoodsCents(lines: readonly PickedLine[], welcome: boolean): number {
  return lines.reduce((sum, l) => {
    const found = (l.pickedQuantity ?? l.quantity) * l.unitPriceCents;
    const sub = l.substitute && substituteTaken(l.substitute.answer, welcome) ? l.substitute.quantity * l.substitute.unitPriceCents : 0;
    return sum + found + sub;
  }, 0);
}

/** Proposals the shopper has not answered yet. */
export function awaitingAnswers(lines: readonly PickedLine[]): number {
  return lines.filter((l) => l.substitute !== null && l.substitute.answer === null).length;
}
