import { randomInt } from 'node:crypto';

/** No 0/O or 1/I: the pass code is read out and typed at the desk when the QR will not scan. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 'R-' and six characters: 32^6 ≈ 10^9 codes, so a clash (retried) is rare. */
export function newReturnCode(): string {
  let n = '';
  for (let i = 0; i < 6; i++) n += ALPHABET[randomInt(ALPHABET.length)];
  return `R-${n}`;
}

/** What was typed or scanned ('r k7p 2xq', 'RK7P2XQ', 'R-K7P2XQ') → 'R-K7P2XQ', or null when it cannot be a code. */
export function normalizeReturnCode(input: string): string | null {
  if (typeof input !== 'string') return null;
  const clean = input.toUpperCase().replace(/[\s-]/g, '');
  const body = clean.startsWith('R') && clean.length === 7 ? clean.slice(1) : clean;
  return /^[A-HJ-NP-Z2-9]{6}$/.test(body) ? `R-${body}` : null;
}
