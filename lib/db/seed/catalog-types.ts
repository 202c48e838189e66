/** Shapes of the catalogue data: categories and product templates. */
export type Pair = readonly [fr: string, en: string];

export interface CategorySeed {
  slug: string;
  nameFr: string;
  nameEn: string;
  /** A middle sentence for descriptions, one picked per product. */
  notes: readonly Pair[];
  /** A closing sentence for descriptions. */
  closings: readonly Pair[];
}

export interface SizeSpec {
  labels: readonly string[];
  /** Cents added per step up the list, when a bigger size costs more (capacity, screen). */
  step?: number;
}

export interface ProductTemplate {
  category: string;
  /** Pictogram key for the generated image (see app/img/p). */
  kind: string;
  /** Name variants [fr, en]; the product name is "<variant> <brand> <model>". */
  names: readonly Pair[];
  brands: readonly string[];
  models: readonly string[];
  /** First sentence of the description; {brand} and {model} are filled in. */
  desc: Pair;
  sizes?: SizeSpec;
  /** Colour keys this kind of product comes in; 1 to maxColours are picked per product. */
  colours?: readonly string[];
  maxColours?: number;
  /** Price range in cents; prices end in 99 cents. */
  price: readonly [number, number];
  count: number;
}

export const SHOE_SIZES: SizeSpec = { labels: ['36', '37', '38', '39', '40', '41', '42', '43', '44', '45', '46'] };
export const KID_SHOE_SIZES: SizeSpec = { labels: ['28', '29', '30', '31', '32', '33', '34', '35'] };
export const CLOTHING_SIZES: SizeSpec = { labels: ['XS', 'S', 'M', 'L', 'XL', 'XXL'] };
