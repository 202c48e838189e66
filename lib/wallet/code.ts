import { randomInt } from 'node:crypto';

/** No 0/O or 1/I: a gift card's code is read off a slip and typed when its barcode will not scan. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 'GC-' and 16 characters in groups of four: 32^16 = 2^80 codes, so one cannot be guessed. */
export function newGiftCardCode(): string {
  let n = '';
  for (let i = 0; i < 16; i++) n += ALPHABET[randomInt(ALPHABET.length)];
  return `GC-${n.slice(0, 4)}-${n.slice(4, 8)}-${n.slice(8, 12)}-${n.slice(12)}`;
}

/** What was typed or scanned ('gc abcd efgh …', 'ABCDEFGH…') → 'GC-ABCD-EFGH-JKLM-NPQR', or null when it cannot be a code. */
export function normalizeGiftCardCode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 60) return null;
  const clean = input.toUpperCase().replace(/[\s-]/g, '');
  const body = clean.startsWith('GC') && clean.length === 18 ? clean.slice(2) : clean;
  if (!/^[A-HJ-NP-Z2-9]{16}$/.test(body)) return null;
  return `GC-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}-${body.slice(12)}`;
}

/** The last four characters, as a receipt or a list shows a card. */
export const giftCardTail = (code: string): string => code.slice(-4);
