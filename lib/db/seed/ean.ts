/**
 * EAN-13 (GS1) check digit. Pure, so the loyalty card numbers can reuse it.
 * Weights alternate 1, 3, 1, 3… from the left over the first twelve digits.
 */
export function ean13CheckDigit(first12: string): number {
  if (!/^[0-9]{12}$/.test(first12)) throw new Error(`EAN-13 needs 12 digits before the check digit: "${first12}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidEan13(code: string): boolean {
  return /^[0-9]{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

// GS1 France prefix 376 + an invented company number; the item reference leaves room for 100,000 SKUs.
const COMPANY_PREFIX = '3760158';
const ITEM_SPACE = 100_000;

/**
 * The n-th SKU's EAN. Multiplying by a number prime to 100,000 permutes the item references, so
 * codes are unique for n < 100,000 without looking sequential on a shelf label.
 */
export function seedEan13(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= ITEM_SPACE) throw new Error(`EAN index out of range: ${n}`);
  const item = String((n * 7919 + 4271) % ITEM_SPACE).padStart(5, '0');
  const first12 = COMPANY_PREFIX + item;
  return first12 + String(ean13CheckDigit(first12));
}
