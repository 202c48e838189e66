import { randomInt } from 'node:crypto';

/** Six letters and digits without 0/O or 1/I: read out loud at a desk without ambiguity. */
export const PICKUP_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const PICKUP_CODE_LENGTH = 6;

export function newPickupCode(): string {
  let code = '';
  for (let i = 0; i < PICKUP_CODE_LENGTH; i++) code += PICKUP_CODE_ALPHABET[randomInt(PICKUP_CODE_ALPHABET.length)];
  return code;
}

/** What a shopper reads out or the desk types: case, spaces and dashes do not matter. */
export function normalizePickupCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
