/** "20", "12,50", "12.5", "€ 7" → cents; null for anything else (a typo is said, never guessed). */
export function parseEuroCents(input: string): number | null {
  const s = input.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d{1,5}(?:\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}
