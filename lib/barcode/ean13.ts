/**
 * EAN-13 symbol encoding (GS1 General Specifications §5.2.1), pure and client-safe: turns 13 digits
 * into the 95 modules a scanner reads, and those into bars to draw. Written here rather than pulled
 * from a package: it is three tables and a loop.
 *
 *   start guard 101 · six left digits (L or G code, chosen by the first digit) · centre guard 01010 ·
 *   six right digits (R code) · end guard 101
 *
 * The first digit is not drawn as bars: it is carried by which of the six left digits use the G set.
 */

/** Set A ("L"), odd parity. Set C ("R") is its complement; set B ("G") is R read backwards. */
const L_CODES = ['0001101', '0011001', '0010011', '0111101', '0100011', '0110001', '0101111', '0111011', '0110111', '0001011'] as const;
const R_CODES = L_CODES.map((c) => c.replace(/[01]/g, (b) => (b === '0' ? '1' : '0')));
const G_CODES = R_CODES.map((c) => [...c].reverse().join(''));

/** Which set each of the six left digits uses, by the first digit. */
export const PARITY_BY_FIRST_DIGIT = ['LLLLLL', 'LLGLGG', 'LLGGLG', 'LLGGGL', 'LGLLGG', 'LGGLLG', 'LGGGLL', 'LGLGLG', 'LGLGGL', 'LGGLGL'] as const;

export const START_GUARD = '101';
export const CENTRE_GUARD = '01010';
export const END_GUARD = '101';
/** Quiet zones a scanner needs either side, in modules (11 left, 7 right). */
export const QUIET_LEFT = 11;
export const QUIET_RIGHT = 7;

export class InvalidEan13Error extends Error {
  constructor(value: string) {
    super(`Not a valid EAN-13: ${JSON.stringify(value)}`);
    this.name = 'InvalidEan13Error';
  }
}

/** The check digit of the first 12 digits: weights 1,3,1,3… from the left. */
export function ean13Check(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new InvalidEan13Error(first12);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidEan13(value: string): boolean {
  return /^\d{13}$/.test(value) && ean13Check(value.slice(0, 12)) === Number(value[12]);
}

/** The 95 modules of the symbol, '1' for a bar and '0' for a space. Throws on a wrong check digit. */
export function encodeEan13(value: string): string {
  if (!isValidEan13(value)) throw new InvalidEan13Error(value);
  const digits = [...value].map(Number);
  const parity = PARITY_BY_FIRST_DIGIT[digits[0]!]!;
  let modules = START_GUARD;
  for (let i = 1; i <= 6; i++) modules += (parity[i - 1] === 'L' ? L_CODES : G_CODES)[digits[i]!];
  modules += CENTRE_GUARD;
  for (let i = 7; i <= 12; i++) modules += R_CODES[digits[i]!];
  return modules + END_GUARD;
}

export type Ean13Bar = { x: number; width: number; guard: boolean };

/** Consecutive bar modules merged into bars, in module units; guard bars run longer when drawn. */
export function ean13Bars(value: string): Ean13Bar[] {
  const modules = encodeEan13(value);
  const isGuard = (i: number) => i < 3 || (i >= 45 && i < 50) || i >= 92;
  const bars: Ean13Bar[] = [];
  for (let i = 0; i < modules.length; i++) {
    if (modules[i] !== '1') continue;
    const last = bars[bars.length - 1];
    if (last && last.x + last.width === i && last.guard === isGuard(i)) last.width++;
    else bars.push({ x: i, width: 1, guard: isGuard(i) });
  }
  return bars;
}
