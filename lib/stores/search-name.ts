/**
 * Folds a French place name the way people type it: "St-Étienne", "saint etienne" and
 * "SAINT-ÉTIENNE" all become "saint etienne". Shared by the places import and the lookup, so the
 * two can never disagree.
 */
export function toSearchName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[-'’‘`.,/()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\b(st|ste)\b/g, (abbr) => (abbr === 'st' ? 'saint' : 'sainte'));
}
