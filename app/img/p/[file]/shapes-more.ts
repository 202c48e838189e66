import type { Shape } from './shapes-wear';

export const headphones: Shape = (p) => `
  <path d="M90 230 Q90 60 200 60 Q310 60 310 230" stroke="${p.c}" stroke-width="26" fill="none"/>
  <path d="M100 160 Q120 80 200 78 Q280 80 300 160" stroke="${p.l}" stroke-width="8" fill="none"/>
  <rect x="56" y="200" width="78" height="130" rx="34" fill="${p.d}"/><rect x="266" y="200" width="78" height="130" rx="34" fill="${p.d}"/>
  <rect x="100" y="216" width="40" height="98" rx="18" fill="${p.c}"/><rect x="260" y="216" width="40" height="98" rx="18" fill="${p.c}"/>`;

export const speaker: Shape = (p) => `
  <rect x="70" y="130" width="260" height="190" rx="90" fill="${p.c}"/>
  <rect x="70" y="130" width="260" height="190" rx="90" fill="none" stroke="${p.d}" stroke-width="14"/>
  <g fill="${p.d}">${[0, 1, 2, 3, 4, 5, 6].map((i) => [0, 1, 2, 3].map((j) => `<circle cx="${128 + i * 24}" cy="${184 + j * 28}" r="6"/>`).join('')).join('')}</g>
  <rect x="172" y="110" width="56" height="20" rx="8" fill="${p.ink}"/>`;

export const tv: Shape = (p) => `
  <rect x="20" y="60" width="360" height="220" rx="12" fill="${p.ink}"/>
  <rect x="34" y="74" width="332" height="192" rx="4" fill="#35507a"/>
  <path d="M34 210 L130 140 L200 200 L260 150 L366 230 L366 266 L34 266 Z" fill="#4f7bb0"/>
  <circle cx="300" cy="116" r="22" fill="#f2c12e"/>
  <path d="M160 280 L140 330 M240 280 L260 330" stroke="${p.ink}" stroke-width="14" stroke-linecap="round"/>
  <rect x="110" y="326" width="180" height="12" rx="6" fill="${p.ink}"/>`;

export const gamepad: Shape = (p) => `
  <path d="M110 120 L290 120 Q350 120 366 200 L384 286 Q392 330 350 330 Q320 330 296 280 L104 280 Q80 330 50 330 Q8 330 16 286 L34 200 Q50 120 110 120 Z" fill="${p.c}"/>
  <path d="M96 180 v60 M66 210 h60" stroke="${p.t}" stroke-width="18" stroke-linecap="round"/>
  <circle cx="290" cy="182" r="13" fill="#cf3b32"/><circle cx="320" cy="210" r="13" fill="#2f6fd6"/><circle cx="260" cy="210" r="13" fill="#f2c12e"/><circle cx="290" cy="238" r="13" fill="#2f8052"/>
  <circle cx="158" cy="250" r="20" fill="${p.d}"/><circle cx="242" cy="250" r="20" fill="${p.d}"/>`;

export const phone: Shape = (p) => `
  <rect x="120" y="30" width="160" height="320" rx="28" fill="${p.c}"/>
  <rect x="132" y="46" width="136" height="288" rx="18" fill="#1f2a3c"/>
  <rect x="144" y="70" width="112" height="64" rx="10" fill="#35507a"/>
  ${[0, 1, 2].map((r) => [0, 1, 2].map((c) => `<rect x="${148 + c * 38}" y="${156 + r * 48}" width="28" height="28" rx="8" fill="${['#f2c12e', '#2f8052', '#cf3b32', '#2f6fd6', '#e88fb3'][(r * 3 + c) % 5]}"/>`).join('')).join('')}
  <rect x="184" y="54" width="32" height="8" rx="4" fill="${p.ink}"/>`;

export const teddy: Shape = (p) => `
  <circle cx="130" cy="86" r="40" fill="${p.c}"/><circle cx="270" cy="86" r="40" fill="${p.c}"/>
  <circle cx="130" cy="86" r="20" fill="${p.d}"/><circle cx="270" cy="86" r="20" fill="${p.d}"/>
  <ellipse cx="200" cy="270" rx="110" ry="90" fill="${p.c}"/>
  <ellipse cx="200" cy="280" rx="60" ry="56" fill="${p.l}"/>
  <circle cx="96" cy="250" r="36" fill="${p.c}"/><circle cx="304" cy="250" r="36" fill="${p.c}"/>
  <circle cx="136" cy="344" r="36" fill="${p.d}"/><circle cx="264" cy="344" r="36" fill="${p.d}"/>
  <circle cx="200" cy="140" r="90" fill="${p.c}"/>
  <ellipse cx="200" cy="168" rx="40" ry="30" fill="${p.l}"/>
  <circle cx="166" cy="124" r="9" fill="${p.ink}"/><circle cx="234" cy="124" r="9" fill="${p.ink}"/>
  <ellipse cx="200" cy="156" rx="14" ry="10" fill="${p.ink}"/>
  <path d="M200 166 v12 M186 184 q14 10 28 0" stroke="${p.ink}" stroke-width="5" fill="none" stroke-linecap="round"/>`;

const block = (x: number, y: number, w: number, fill: string) =>
  `<rect x="${x}" y="${y}" width="${w}" height="70" rx="6" fill="${fill}"/>` +
  Array.from({ length: w / 50 }, (_, i) => `<rect x="${x + 12 + i * 50}" y="${y - 14}" width="26" height="16" rx="4" fill="${fill}"/>`).join('');

export const blocks: Shape = (p) => `
  ${block(60, 270, 150, '#2f6fd6')}${block(210, 270, 100, '#f2c12e')}
  ${block(100, 186, 100, p.c === '#f6f4ef' ? '#cf3b32' : p.c)}${block(200, 186, 100, '#2f8052')}
  ${block(150, 102, 100, '#cf3b32')}`;

export const car: Shape = (p) => `
  <path d="M40 250 L60 190 Q70 170 96 168 L130 166 L170 110 Q180 98 200 98 L282 98 Q300 98 310 114 L340 168 Q370 172 374 200 L378 250 Z" fill="${p.c}"/>
  <path d="M146 166 L182 118 L236 118 L236 166 Z M252 118 L296 118 L322 166 L252 166 Z" fill="#bfe0f5"/>
  <rect x="40" y="240" width="338" height="30" rx="12" fill="${p.d}"/>
  <circle cx="116" cy="278" r="44" fill="${p.ink}"/><circle cx="116" cy="278" r="18" fill="${p.metal}"/>
  <circle cx="300" cy="278" r="44" fill="${p.ink}"/><circle cx="300" cy="278" r="18" fill="${p.metal}"/>
  <rect x="352" y="196" width="22" height="14" rx="4" fill="#f2c12e"/>`;

// Four pieces whose round tabs reach into the gap of the next one.
const piece = (x: number, y: number, fill: string, tabs: [number, number][]) =>
  `<rect x="${x}" y="${y}" width="120" height="120" rx="6" fill="${fill}"/>` +
  tabs.map(([cx, cy]) => `<circle cx="${x + cx}" cy="${y + cy}" r="22" fill="${fill}"/>`).join('');

export const puzzle: Shape = () => `
  ${piece(66, 66, '#2f6fd6', [
    [132, 60],
    [60, 132],
  ])}
  ${piece(214, 66, '#f2c12e', [[60, 132]])}
  ${piece(66, 214, '#2f8052', [[132, 60]])}
  <g transform="rotate(10 290 290) translate(16 12)">${piece(214, 214, '#cf3b32', [
    [-12, 60],
    [60, -12],
  ])}</g>`;

export const boardGame: Shape = (p) => `
  <rect x="50" y="100" width="300" height="200" rx="10" fill="${p.c === '#f6f4ef' ? '#2f6fd6' : p.c}"/>
  <rect x="50" y="280" width="300" height="40" rx="6" fill="${p.d}"/>
  <rect x="80" y="130" width="240" height="120" rx="6" fill="#f6f4ef"/>
  <path d="M100 230 Q160 150 200 200 Q240 250 300 160" stroke="#cf3b32" stroke-width="10" fill="none" stroke-dasharray="16 10"/>
  <rect x="250" y="300" width="56" height="56" rx="10" fill="#f6f4ef" stroke="${p.ink}" stroke-width="4"/>
  <circle cx="266" cy="316" r="6" fill="${p.ink}"/><circle cx="278" cy="328" r="6" fill="${p.ink}"/><circle cx="290" cy="340" r="6" fill="${p.ink}"/>`;

export const perfume: Shape = (p) => `
  <rect x="170" y="60" width="60" height="50" rx="8" fill="${p.ink}"/>
  <rect x="186" y="104" width="28" height="24" fill="${p.metal}"/>
  <rect x="100" y="128" width="200" height="214" rx="30" fill="${p.c}" opacity="0.85"/>
  <rect x="120" y="150" width="24" height="170" rx="12" fill="#ffffff" opacity="0.35"/>
  <rect x="150" y="210" width="100" height="60" rx="6" fill="#f6f4ef"/>
  <path d="M170 234 h60 M180 250 h40" stroke="${p.ink}" stroke-width="5"/>`;

export const jar: Shape = (p) => `
  <rect x="100" y="120" width="200" height="220" rx="30" fill="${p.c}"/>
  <rect x="90" y="80" width="220" height="56" rx="12" fill="${p.d}"/>
  <rect x="120" y="190" width="160" height="90" rx="8" fill="#f6f4ef"/>
  <path d="M146 222 h108 M160 248 h80" stroke="${p.ink}" stroke-width="6" stroke-linecap="round"/>
  <rect x="116" y="146" width="20" height="170" rx="10" fill="#ffffff" opacity="0.25"/>`;

export const pumpBottle: Shape = (p) => `
  <rect x="120" y="120" width="160" height="226" rx="28" fill="${p.c}"/>
  <rect x="176" y="70" width="48" height="56" fill="${p.ink}"/>
  <path d="M176 70 h80 v-18 h-80 Z" fill="${p.ink}"/>
  <rect x="140" y="200" width="120" height="90" rx="10" fill="#f6f4ef"/>
  <path d="M160 230 h80 M170 256 h60" stroke="${p.ink}" stroke-width="6" stroke-linecap="round"/>`;

export const lipstick: Shape = (p) => `
  <rect x="150" y="210" width="100" height="140" rx="8" fill="${p.ink}"/>
  <rect x="160" y="160" width="80" height="60" fill="#d4af6a"/>
  <path d="M170 160 L170 70 L230 40 L230 160 Z" fill="${p.c}"/>
  <path d="M170 160 L170 70 L190 60 L190 160 Z" fill="${p.l}" opacity="0.6"/>`;

export const chocolate: Shape = () => `
  <g transform="rotate(-12 200 200)">
  <rect x="70" y="80" width="260" height="240" rx="10" fill="#5a3420"/>
  ${[0, 1, 2].map((c) => [0, 1, 2, 3].map((r) => `<rect x="${84 + c * 82}" y="${94 + r * 56}" width="68" height="44" rx="6" fill="#6e4128"/>`).join('')).join('')}
  <path d="M60 200 L340 200 L340 330 L60 330 Z" fill="#cf3b32"/><rect x="60" y="240" width="280" height="40" fill="#f2c12e"/></g>`;

export const coffeeBag: Shape = (p) => `
  <path d="M110 90 L290 90 L310 340 L90 340 Z" fill="${p.c}"/>
  <path d="M110 60 L290 60 L290 100 L110 100 Z" fill="${p.d}"/>
  <rect x="140" y="170" width="120" height="100" rx="10" fill="#f6f4ef"/>
  <ellipse cx="200" cy="220" rx="24" ry="34" fill="#5a3420"/><path d="M200 190 Q186 220 200 250" stroke="#f6f4ef" stroke-width="5" fill="none"/>`;

export const oilBottle: Shape = (p) => `
  <path d="M176 40 L224 40 L224 120 Q280 150 280 210 L280 330 Q280 346 264 346 L136 346 Q120 346 120 330 L120 210 Q120 150 176 120 Z" fill="${p.c}"/>
  <rect x="168" y="24" width="64" height="30" rx="6" fill="${p.ink}"/>
  <rect x="136" y="220" width="128" height="90" rx="8" fill="#f6f4ef"/>
  <path d="M200 240 q26 20 0 50 q-26 -30 0 -50 Z" fill="#2f8052"/>`;

export const teaTin: Shape = (p) => `
  <rect x="110" y="110" width="180" height="236" rx="14" fill="${p.c}"/>
  <rect x="100" y="80" width="200" height="50" rx="10" fill="${p.d}"/>
  <rect x="110" y="190" width="180" height="80" fill="#f6f4ef"/>
  <path d="M170 230 q30 -40 60 0 q-30 40 -60 0 Z" fill="#2f8052"/>`;
