import type { Paint } from './palette';

/** Pictograms are drawn in a 400 × 400 box, standing on y ≈ 340. */
export type Shape = (p: Paint) => string;

const laces = (p: Paint, points: [number, number][]) =>
  points.map(([x, y]) => `<path d="M${x - 14} ${y - 8} l28 16" stroke="${p.t}" stroke-width="9" stroke-linecap="round"/>`).join('');

export const boot: Shape = (p) => `
  <path d="M46 300 L46 98 Q46 78 66 78 L168 78 Q184 78 187 94 L198 166 Q262 184 318 212 Q372 240 374 300 Z" fill="${p.c}"/>
  <path d="M46 98 Q46 78 66 78 L168 78 Q184 78 187 94 L190 112 L46 112 Z" fill="${p.l}"/>
  <path d="M290 206 Q372 240 374 300 L300 300 Q306 250 290 206 Z" fill="${p.d}"/>
  <path d="M46 200 L120 200 Q150 240 150 300 L46 300 Z" fill="${p.d}"/>
  ${laces(p, [
    [208, 132],
    [224, 166],
    [244, 196],
    [266, 214],
  ])}
  <path d="M34 298 L384 298 Q392 298 390 312 L386 336 L34 336 Z" fill="#3a3d44"/>
  <path d="M60 336 v10 M110 336 v10 M160 336 v10 M210 336 v10 M260 336 v10 M310 336 v10 M360 336 v10" stroke="#3a3d44" stroke-width="16"/>`;

export const sneaker: Shape = (p) => `
  <path d="M40 296 L50 196 Q54 176 76 174 L146 166 Q168 164 184 180 L232 218 Q302 232 346 252 Q382 268 382 296 Z" fill="${p.c}"/>
  <path d="M90 276 Q170 200 300 246 L296 262 Q180 226 104 288 Z" fill="${p.l}"/>
  <path d="M40 250 L50 196 Q54 176 76 174 L92 173 L86 250 Z" fill="${p.d}"/>
  ${laces(p, [
    [196, 196],
    [218, 214],
    [242, 228],
  ])}
  <path d="M28 294 L386 294 Q394 322 366 330 L56 330 Q28 330 28 306 Z" fill="#f3f1ec"/>
  <path d="M30 318 Q36 338 60 338 L366 338 Q388 336 390 318 Z" fill="${p.d}"/>`;

export const canvasShoe: Shape = (p) => `
  <path d="M44 296 L50 222 Q54 204 74 202 L170 196 Q196 196 214 210 L248 234 Q318 244 350 262 Q378 276 378 296 Z" fill="${p.c}"/>
  <path d="M300 248 Q362 262 378 296 L320 296 Q318 268 300 248 Z" fill="#f3f1ec"/>
  <circle cx="196" cy="214" r="6" fill="${p.d}"/><circle cx="222" cy="228" r="6" fill="${p.d}"/><circle cx="170" cy="206" r="6" fill="${p.d}"/>
  ${laces(p, [
    [184, 210],
    [210, 222],
    [236, 236],
  ])}
  <path d="M32 294 L388 294 L388 330 Q388 336 380 336 L40 336 Q32 336 32 328 Z" fill="#f3f1ec"/>
  <rect x="32" y="308" width="356" height="8" fill="${p.d}"/>`;

export const kidShoe: Shape = (p) => `
  <path d="M56 296 L62 186 Q66 166 88 164 L168 160 Q196 160 210 182 L236 226 Q306 236 342 256 Q370 272 370 296 Z" fill="${p.c}"/>
  <rect x="150" y="194" width="120" height="26" rx="13" transform="rotate(18 210 207)" fill="${p.d}"/>
  <rect x="160" y="238" width="132" height="26" rx="13" transform="rotate(10 226 251)" fill="${p.d}"/>
  <path d="M300 250 Q360 262 370 296 L310 296 Q312 268 300 250 Z" fill="${p.l}"/>
  <path d="M44 294 L382 294 Q388 330 360 336 L72 336 Q44 336 44 310 Z" fill="#f3f1ec"/>`;

export const derby: Shape = (p) => `
  <path d="M44 300 L52 218 Q56 200 78 198 L168 196 Q192 196 208 212 L246 240 Q326 246 360 266 Q386 282 384 300 Z" fill="${p.c}"/>
  <path d="M168 196 Q192 196 208 212 L246 240 L200 250 Q180 226 150 222 Z" fill="${p.d}"/>
  <path d="M316 254 Q380 270 384 300" stroke="${p.l}" stroke-width="6" fill="none"/>
  ${laces(p, [
    [190, 216],
    [214, 232],
  ])}
  <path d="M40 298 L390 298 L388 318 L150 318 L150 336 L64 336 L64 318 L40 318 Z" fill="#4a3326"/>`;

export const tshirt: Shape = (p) => `
  <path d="M132 48 L168 38 Q200 72 232 38 L268 48 L360 104 L324 168 L290 148 L290 352 L110 352 L110 148 L76 168 L40 104 Z" fill="${p.c}"/>
  <path d="M40 104 L76 168 L110 148 L110 96 Z M360 104 L324 168 L290 148 L290 96 Z" fill="${p.d}"/>
  <path d="M168 38 Q200 72 232 38 L240 42 Q200 92 160 42 Z" fill="${p.l}"/>`;

export const shirt: Shape = (p) => `
  <path d="M134 46 L170 36 L200 60 L230 36 L266 46 L344 96 L372 314 L330 322 L292 150 L292 352 L108 352 L108 150 L70 322 L28 314 L56 96 Z" fill="${p.c}"/>
  <path d="M56 96 L28 314 L70 322 L108 150 Z M344 96 L372 314 L330 322 L292 150 Z" fill="${p.d}"/>
  <path d="M170 36 L200 60 L176 96 L156 50 Z M230 36 L200 60 L224 96 L244 50 Z" fill="${p.l}"/>
  <path d="M200 60 V352" stroke="${p.d}" stroke-width="4"/>
  ${[110, 160, 210, 260, 310].map((y) => `<circle cx="212" cy="${y}" r="6" fill="${p.t}"/>`).join('')}`;

export const hoodie: Shape = (p) => `
  <path d="M140 64 Q200 10 260 64 L344 104 L376 318 L332 326 L294 160 L294 352 L106 352 L106 160 L68 326 L24 318 L56 104 Z" fill="${p.c}"/>
  <path d="M56 104 L24 318 L68 326 L106 160 Z M344 104 L376 318 L332 326 L294 160 Z" fill="${p.d}"/>
  <path d="M150 72 Q200 30 250 72 Q240 118 200 120 Q160 118 150 72 Z" fill="${p.d}"/>
  <path d="M186 118 v56 M214 118 v56" stroke="${p.t}" stroke-width="6" stroke-linecap="round"/>
  <path d="M140 250 L260 250 L282 320 L118 320 Z" fill="${p.d}" opacity="0.55"/>
  <rect x="106" y="336" width="188" height="16" fill="${p.d}"/>`;

export const jacket: Shape = (p) => `
  <path d="M136 52 L172 40 L200 70 L228 40 L264 52 L346 100 L378 318 L334 326 L296 160 L296 354 L104 354 L104 160 L66 326 L22 318 L54 100 Z" fill="${p.c}"/>
  <path d="M54 100 L22 318 L66 326 L104 160 Z M346 100 L378 318 L334 326 L296 160 Z" fill="${p.d}"/>
  <path d="M172 40 L200 70 L228 40 L236 26 L164 26 Z" fill="${p.d}"/>
  <path d="M200 70 V354" stroke="${p.t}" stroke-width="6"/>
  <path d="M124 230 h52 M224 230 h52" stroke="${p.d}" stroke-width="8" stroke-linecap="round"/>
  <path d="M104 330 H296" stroke="${p.d}" stroke-width="10"/>`;

export const trousers: Shape = (p) => `
  <path d="M116 40 L284 40 L304 356 L226 356 L200 130 L174 356 L96 356 Z" fill="${p.c}"/>
  <rect x="114" y="40" width="172" height="24" fill="${p.d}"/>
  <path d="M200 64 V130" stroke="${p.d}" stroke-width="5"/>
  <path d="M134 64 Q150 100 176 96 M266 64 Q250 100 224 96" stroke="${p.d}" stroke-width="5" fill="none"/>
  <path d="M174 356 L200 130 L208 200 L190 356 Z" fill="${p.d}" opacity="0.5"/>`;

export const ball: Shape = (p) => `
  <circle cx="200" cy="196" r="148" fill="${p.c}"/>
  <path d="M200 48 Q140 196 200 344 M52 196 Q200 140 348 196" stroke="${p.t}" stroke-width="8" fill="none"/>
  <path d="M92 92 Q200 180 308 92 M92 300 Q200 212 308 300" stroke="${p.t}" stroke-width="8" fill="none"/>
  <path d="M200 48 A148 148 0 0 1 348 196 L320 196 A120 120 0 0 0 200 76 Z" fill="${p.l}" opacity="0.6"/>`;

// Strings stop at the rim: each chord's half-length follows the ellipse.
const chord = (r: number, other: number, d: number) => other * Math.sqrt(Math.max(0, 1 - (d / r) ** 2));

export const racket: Shape = (p) => `
  <g transform="rotate(-30 200 200)">
  <g stroke="${p.steel}" stroke-width="3">
  ${[-64, -40, -16, 16, 40, 64].map((x) => `<path d="M${200 + x} ${130 - chord(96, 118, x)} V${130 + chord(96, 118, x)}"/>`).join('')}
  ${[-90, -60, -30, 0, 30, 60, 90].map((y) => `<path d="M${200 - chord(118, 96, y)} ${130 + y} H${200 + chord(118, 96, y)}"/>`).join('')}</g>
  <ellipse cx="200" cy="130" rx="96" ry="118" fill="none" stroke="${p.c}" stroke-width="22"/>
  <path d="M176 240 L200 290 L224 240" fill="none" stroke="${p.c}" stroke-width="18"/>
  <rect x="186" y="286" width="28" height="110" rx="10" fill="${p.ink}"/></g>`;

export const dumbbell: Shape = (p) => `
  <rect x="70" y="186" width="260" height="28" rx="8" fill="${p.steel}"/>
  <rect x="64" y="110" width="44" height="180" rx="12" fill="${p.c}"/><rect x="24" y="140" width="40" height="120" rx="10" fill="${p.d}"/>
  <rect x="292" y="110" width="44" height="180" rx="12" fill="${p.c}"/><rect x="336" y="140" width="40" height="120" rx="10" fill="${p.d}"/>`;

export const mat: Shape = (p) => `
  <rect x="60" y="150" width="300" height="120" rx="12" fill="${p.c}"/>
  <rect x="60" y="150" width="300" height="30" fill="${p.l}" opacity="0.5"/>
  <ellipse cx="360" cy="210" rx="36" ry="60" fill="${p.d}"/>
  <path d="M360 170 a20 40 0 1 1 -1 0 M360 190 a8 20 0 1 1 -1 0" stroke="${p.l}" stroke-width="5" fill="none"/>
  <path d="M20 340 H380" stroke="${p.c}" stroke-width="12" stroke-linecap="round"/>
  <path d="M110 150 V270 M300 150 V270" stroke="${p.d}" stroke-width="10"/>`;

export const tent: Shape = (p) => `
  <path d="M20 330 Q120 60 200 56 Q280 60 380 330 Z" fill="${p.c}"/>
  <path d="M200 56 Q280 60 380 330 L290 330 Q260 130 200 56 Z" fill="${p.d}"/>
  <path d="M200 130 L140 330 L260 330 Z" fill="${p.ink}" opacity="0.75"/>
  <path d="M200 130 L170 330 L200 330 Z" fill="${p.l}"/>
  <path d="M10 332 H390" stroke="${p.ink}" stroke-width="8" stroke-linecap="round"/>`;

export const flask: Shape = (p) => `
  <rect x="136" y="96" width="128" height="256" rx="44" fill="${p.c}"/>
  <rect x="150" y="40" width="100" height="70" rx="18" fill="${p.ink}"/>
  <path d="M236 52 q44 0 44 40" stroke="${p.ink}" stroke-width="12" fill="none" stroke-linecap="round"/>
  <rect x="136" y="196" width="128" height="54" fill="${p.l}"/>
  <rect x="150" y="120" width="18" height="200" rx="9" fill="#ffffff" opacity="0.25"/>`;
