/**
 * Draws the installed app's icons (public/icons/*.png) from app/icon.svg, the site's favicon.
 * Run once after changing the logo and commit the PNGs:  node scripts/pwa-icons.mjs
 *
 * - icon-192/512: the logo as it is (rounded square), for launchers that show icons unmasked.
 * - maskable-192/512: full-bleed brand green with the glyph inside the central 80 % safe zone, so
 *   Android's circle, squircle or teardrop masks never cut into it.
 * - apple-touch-icon (180): iOS rounds the corners itself, so a full square.
 * sharp comes with Next (image optimisation); it is not a dependency of the app itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const root = path.resolve(import.meta.dirname, '..');
const svg = fs.readFileSync(path.join(root, 'app/icon.svg'), 'utf8');
const out = path.join(root, 'public/icons');
fs.mkdirSync(out, { recursive: true });

// The glyph (basket) of app/icon.svg, without its rounded background.
const glyph = svg
  .replace(/<rect[^>]*\/>/, '')
  .replace(/<svg[^>]*>/, '')
  .replace('</svg>', '');
const BRAND = '#17644b';

/** The glyph on a full square: `scale` of the canvas, centred (the logo's own glyph spans 36 of 64). */
function fullBleed(scale) {
  const s = scale;
  const t = (64 - 64 * s) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${BRAND}"/><g transform="translate(${t} ${t}) scale(${s})">${glyph}</g></svg>`;
}

async function png(source, size, name) {
  await sharp(Buffer.from(source), { density: Math.ceil((72 * size) / 64) * 2 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(path.join(out, name));
  console.log(`public/icons/${name}`);
}

await png(svg, 192, 'icon-192.png');
await png(svg, 512, 'icon-512.png');
// The glyph's bounding box (x 14–50, y 16–50) stays inside the 80 % circle at 0.9 (corner 23 of radius 25.6).
await png(fullBleed(0.9), 192, 'maskable-192.png');
await png(fullBleed(0.9), 512, 'maskable-512.png');
await png(fullBleed(0.9), 180, 'apple-touch-icon.png');
