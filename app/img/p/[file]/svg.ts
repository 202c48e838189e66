import type { ImageKind, ImageName } from '@/lib/db/seed/images';
import { backgroundFor, COLOUR_HEX, paintFor } from './palette';
import * as home from './shapes-home';
import * as more from './shapes-more';
import * as wear from './shapes-wear';
import type { Shape } from './shapes-wear';

/** Each kind of product: its pictogram and the colour it has when the product has no colour choice. */
const KINDS: Record<ImageKind, [Shape, string]> = {
  'chaussures-randonnee': [wear.boot, 'brown'],
  'chaussures-running': [wear.sneaker, 'blue'],
  'chaussures-ville': [wear.derby, 'brown'],
  'chaussures-toile': [wear.canvasShoe, 'navy'],
  'chaussures-enfant': [wear.kidShoe, 'red'],
  tshirt: [wear.tshirt, 'white'],
  sweat: [wear.hoodie, 'grey'],
  veste: [wear.jacket, 'navy'],
  pantalon: [wear.trousers, 'navy'],
  chemise: [wear.shirt, 'white'],
  ballon: [wear.ball, 'white'],
  raquette: [wear.racket, 'blue'],
  halteres: [wear.dumbbell, 'charcoal'],
  'tapis-yoga': [wear.mat, 'green'],
  tente: [wear.tent, 'green'],
  gourde: [wear.flask, 'steelblue'],
  lampe: [home.lamp, 'cream'],
  coussin: [home.cushion, 'beige'],
  plaid: [home.plaid, 'grey'],
  bougie: [home.candle, 'cream'],
  vase: [home.vase, 'terracotta'],
  poele: [home.pan, 'charcoal'],
  casserole: [home.pot, 'red'],
  bouilloire: [home.kettle, 'white'],
  couteau: [home.knife, 'charcoal'],
  mug: [home.mug, 'white'],
  plante: [home.plant, 'terracotta'],
  arrosoir: [home.wateringCan, 'green'],
  pelle: [home.spade, 'green'],
  'chaise-jardin': [home.chair, 'green'],
  perceuse: [home.drill, 'amber'],
  marteau: [home.hammer, 'red'],
  tournevis: [home.screwdriver, 'yellow'],
  escabeau: [home.ladder, 'amber'],
  peinture: [home.paintCan, 'white'],
  casque: [more.headphones, 'black'],
  enceinte: [more.speaker, 'blue'],
  televiseur: [more.tv, 'black'],
  console: [more.gamepad, 'black'],
  smartphone: [more.phone, 'black'],
  peluche: [more.teddy, 'brown'],
  'jeu-construction': [more.blocks, 'yellow'],
  voiture: [more.car, 'red'],
  puzzle: [more.puzzle, 'blue'],
  'jeu-societe': [more.boardGame, 'blue'],
  parfum: [more.perfume, 'pink'],
  creme: [more.jar, 'cream'],
  shampooing: [more.pumpBottle, 'steelblue'],
  rouge: [more.lipstick, 'red'],
  chocolat: [more.chocolate, 'brown'],
  cafe: [more.coffeeBag, 'brown'],
  huile: [more.oilBottle, 'olive'],
  confiture: [more.jar, 'red'],
  the: [more.teaTin, 'green'],
  miel: [more.jar, 'amber'],
};

function backdrop(variant: number, fill: string): string {
  switch (variant % 3) {
    case 1:
      return `<circle cx="400" cy="390" r="290" fill="${fill}"/>`;
    case 2:
      return `<rect x="130" y="120" width="540" height="540" rx="90" transform="rotate(8 400 390)" fill="${fill}"/>`;
    default:
      return `<path d="M140 680 V380 A260 260 0 0 1 660 380 V680 Z" fill="${fill}"/>`;
  }
}

/**
 * A flat 800 × 800 illustration: tinted background, a backdrop shape that changes with the variant,
 * and the product's pictogram in its colour. Variants 4–6 show the second view (mirrored, closer).
 */
export function productSvg({ kind, variant, colour }: ImageName): string {
  const [shape, fallback] = KINDS[kind];
  const hex = COLOUR_HEX[colour ?? fallback] ?? '#8b929c';
  const { bg, backdrop: backdropFill } = backgroundFor(hex);
  const second = variant > 3;
  const view = second ? 'translate(400 380) scale(-1.3 1.3) translate(-200 -200)' : 'translate(400 392) scale(1.2) translate(-200 -200)';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 800" width="800" height="800">
<rect width="800" height="800" fill="${bg}"/>
${backdrop(variant, backdropFill)}
<ellipse cx="400" cy="578" rx="240" ry="22" fill="#000000" opacity="0.08"/>
<g transform="${view}">${shape(paintFor(hex))}</g>
</svg>`;
}
