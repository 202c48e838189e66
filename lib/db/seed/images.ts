/**
 * Product image names. The app draws each image itself (app/img/p/[file]/route.ts), so nothing is
 * hot-linked: `/img/p/<kind>-<variant>[-<colour>].svg`, e.g. `/img/p/chaussures-randonnee-3-navy.svg`.
 * Pure: the route handler imports it and must not reach the database.
 */
export const COLOUR_KEYS = ['black', 'white', 'navy', 'red', 'green', 'grey', 'beige', 'blue', 'pink', 'yellow'] as const;
export type ColourKey = (typeof COLOUR_KEYS)[number];

export const IMAGE_KINDS = [
  'chaussures-randonnee',
  'chaussures-running',
  'chaussures-ville',
  'chaussures-toile',
  'chaussures-enfant',
  'tshirt',
  'sweat',
  'veste',
  'pantalon',
  'chemise',
  'ballon',
  'raquette',
  'halteres',
  'tapis-yoga',
  'tente',
  'gourde',
  'lampe',
  'coussin',
  'plaid',
  'bougie',
  'vase',
  'poele',
  'casserole',
  'bouilloire',
  'couteau',
  'mug',
  'plante',
  'arrosoir',
  'pelle',
  'chaise-jardin',
  'perceuse',
  'marteau',
  'tournevis',
  'escabeau',
  'peinture',
  'casque',
  'enceinte',
  'televiseur',
  'console',
  'smartphone',
  'peluche',
  'jeu-construction',
  'voiture',
  'puzzle',
  'jeu-societe',
  'parfum',
  'creme',
  'shampooing',
  'rouge',
  'chocolat',
  'cafe',
  'huile',
  'confiture',
  'the',
  'miel',
] as const;
export type ImageKind = (typeof IMAGE_KINDS)[number];

/** Variants 1–3 are the product seen from the front, 4–6 a second view. */
export const MAX_IMAGE_VARIANT = 6;

export interface ImageName {
  kind: ImageKind;
  variant: number;
  colour: ColourKey | null;
}

export function productImagePath(kind: string, variant: number, colour?: string | null): string {
  return `/img/p/${kind}-${variant}${colour ? `-${colour}` : ''}.svg`;
}

const NAME = /^([a-z]+(?:-[a-z]+)*)-([1-9][0-9]?)(?:-([a-z]+))?\.svg$/;

/** Reads a file name back; null for anything the image route should answer 404 to. */
export function parseImageName(file: string): ImageName | null {
  const m = NAME.exec(file);
  if (!m) return null;
  const [, kind = '', variantText = '', colour] = m;
  const variant = Number(variantText);
  if (!(IMAGE_KINDS as readonly string[]).includes(kind) || variant > MAX_IMAGE_VARIANT) return null;
  if (colour !== undefined && !(COLOUR_KEYS as readonly string[]).includes(colour)) return null;
  return { kind: kind as ImageKind, variant, colour: (colour as ColourKey | undefined) ?? null };
}
