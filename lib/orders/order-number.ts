import { randomInt } from 'node:crypto';

/** No 0/O or 1/I: an order number is read out over the phone and typed at a desk. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 'CMD-' and eight characters: 32^8 ≈ 10^12 numbers, so a clash (retried) is rare. */
export function newOrderNumber(): string {
  let n = '';
  for (let i = 0; i < 8; i++) n += ALPHABET[randomInt(ALPHABET.length)];
  return `CMD-${n}`;
}

export function normalizeOrderNumber(input: string): string {
  const clean = input.toUpperCase().replace(/[\s-]/g, '');
  return clean.startsWith('CMD') ? `CMD-${clean.slice(3)}` : `CMD-${clean}`;
}
