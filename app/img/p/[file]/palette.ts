/** Colours for the product pictograms: the product colour, its shades, and a few fixed materials. */
export interface Paint {
  /** The product's own colour. */
  c: string;
  /** A shade darker, for the side in shadow. */
  d: string;
  /** A shade lighter, for highlights. */
  l: string;
  /** Contrasting trim: soles, laces, labels. */
  t: string;
  metal: string;
  steel: string;
  wood: string;
  ink: string;
}

export const COLOUR_HEX: Record<string, string> = {
  black: '#2c2f36',
  white: '#f6f4ef',
  navy: '#22385c',
  red: '#cf3b32',
  green: '#2f8052',
  grey: '#8b929c',
  beige: '#d9c3a0',
  blue: '#2f6fd6',
  pink: '#e88fb3',
  yellow: '#f2c12e',
  // Defaults for products sold in one colour only.
  brown: '#7a4a2c',
  amber: '#d99a2b',
  olive: '#8c9a3a',
  steelblue: '#5a7fa6',
  terracotta: '#c4683f',
  charcoal: '#3b3f47',
  cream: '#efe3c8',
};

function channel(hex: string, i: number): number {
  return Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16);
}

/** Blends `hex` toward `to` by `amount` (0 = unchanged, 1 = `to`). */
export function mix(hex: string, to: string, amount: number): string {
  const out = [0, 1, 2].map((i) => Math.round(channel(hex, i) * (1 - amount) + channel(to, i) * amount));
  return `#${out.map((n) => n.toString(16).padStart(2, '0')).join('')}`;
}

function luminance(hex: string): number {
  return (0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2)) / 255;
}

export function paintFor(hex: string): Paint {
  const light = luminance(hex) > 0.8;
  return {
    c: hex,
    d: mix(hex, '#000000', light ? 0.14 : 0.28),
    l: mix(hex, '#ffffff', light ? 0.6 : 0.35),
    t: luminance(hex) > 0.55 ? '#2c2f36' : '#f6f4ef',
    metal: '#c9ced6',
    steel: '#8d949e',
    wood: '#b9834f',
    ink: '#2c2f36',
  };
}

/** Background tint for an image: pale enough that a white product still stands out. */
export function backgroundFor(hex: string): { bg: string; backdrop: string } {
  if (luminance(hex) > 0.8) return { bg: '#e3e9f0', backdrop: '#cfd8e3' };
  if (luminance(hex) < 0.2) return { bg: '#efebe4', backdrop: '#e0d9cd' };
  return { bg: mix(hex, '#ffffff', 0.86), backdrop: mix(hex, '#ffffff', 0.72) };
}
