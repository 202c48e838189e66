import type { Shape } from './shapes-wear';

export const lamp: Shape = (p) => `
  <path d="M120 70 L280 70 L330 190 L70 190 Z" fill="${p.c}"/>
  <path d="M230 70 L280 70 L330 190 L270 190 Z" fill="${p.d}"/>
  <rect x="192" y="190" width="16" height="130" fill="${p.steel}"/>
  <ellipse cx="200" cy="200" rx="60" ry="10" fill="#fff3c4" opacity="0.8"/>
  <ellipse cx="200" cy="336" rx="80" ry="18" fill="${p.ink}"/>`;

export const cushion: Shape = (p) => `
  <path d="M70 80 Q200 110 330 80 Q300 200 330 320 Q200 290 70 320 Q100 200 70 80 Z" fill="${p.c}"/>
  <path d="M200 96 Q196 200 200 304" stroke="${p.d}" stroke-width="4" fill="none" opacity="0.6"/>
  <path d="M70 80 Q200 110 330 80 Q200 140 70 80 Z" fill="${p.l}" opacity="0.7"/>
  <circle cx="200" cy="200" r="12" fill="${p.d}"/>`;

export const plaid: Shape = (p) => `
  <rect x="50" y="236" width="300" height="84" rx="16" fill="${p.d}"/>
  <rect x="66" y="160" width="280" height="84" rx="16" fill="${p.c}"/>
  <rect x="50" y="86" width="300" height="84" rx="16" fill="${p.l}"/>
  <path d="M130 86 V170 M270 86 V170 M146 160 V244 M286 160 V244 M130 236 V320 M270 236 V320" stroke="${p.t}" stroke-width="6" opacity="0.35"/>
  <path d="M350 104 l16 4 M350 128 l18 2 M350 152 l16 -2" stroke="${p.l}" stroke-width="6" stroke-linecap="round"/>`;

export const candle: Shape = (p) => `
  <rect x="110" y="130" width="180" height="210" rx="22" fill="${p.c}"/>
  <rect x="110" y="130" width="180" height="34" rx="17" fill="${p.d}"/>
  <rect x="140" y="210" width="120" height="70" rx="8" fill="#f6f4ef"/>
  <path d="M160 236 h80 M170 256 h60" stroke="${p.ink}" stroke-width="6" stroke-linecap="round"/>
  <path d="M200 140 v-22" stroke="${p.ink}" stroke-width="5"/>
  <path d="M200 60 Q226 96 200 118 Q174 96 200 60 Z" fill="#f2a93b"/>`;

export const vase: Shape = (p) => `
  <path d="M160 60 L240 60 L236 110 Q320 170 300 270 Q286 340 200 344 Q114 340 100 270 Q80 170 164 110 Z" fill="${p.c}"/>
  <path d="M236 110 Q320 170 300 270 Q286 340 200 344 Q270 300 262 200 Q256 140 236 110 Z" fill="${p.d}"/>
  <rect x="150" y="52" width="100" height="16" rx="8" fill="${p.d}"/>
  <path d="M120 220 Q200 250 282 220" stroke="${p.l}" stroke-width="8" fill="none"/>`;

export const pan: Shape = (p) => `
  <ellipse cx="160" cy="230" rx="140" ry="70" fill="${p.c}"/>
  <ellipse cx="160" cy="218" rx="124" ry="56" fill="${p.d}"/>
  <ellipse cx="150" cy="210" rx="70" ry="26" fill="#ffffff" opacity="0.12"/>
  <path d="M290 212 L390 172" stroke="${p.ink}" stroke-width="26" stroke-linecap="round"/>
  <circle cx="378" cy="177" r="5" fill="${p.steel}"/>`;

export const pot: Shape = (p) => `
  <path d="M80 150 L320 150 L306 320 Q300 340 280 340 L120 340 Q100 340 94 320 Z" fill="${p.c}"/>
  <path d="M260 150 L320 150 L306 320 Q300 340 280 340 L250 340 Z" fill="${p.d}"/>
  <path d="M60 170 h-30 M340 170 h30" stroke="${p.d}" stroke-width="22" stroke-linecap="round"/>
  <path d="M70 150 Q200 90 330 150 Z" fill="${p.d}"/>
  <rect x="180" y="96" width="40" height="20" rx="10" fill="${p.ink}"/>`;

export const kettle: Shape = (p) => `
  <path d="M110 120 L290 120 L320 330 L80 330 Z" fill="${p.c}"/>
  <path d="M250 120 L290 120 L320 330 L270 330 Z" fill="${p.d}"/>
  <path d="M290 150 Q370 150 360 240 Q356 290 320 300" stroke="${p.ink}" stroke-width="22" fill="none" stroke-linecap="round"/>
  <path d="M110 150 L50 120 L60 110 L116 130 Z" fill="${p.c}"/>
  <rect x="100" y="104" width="200" height="22" rx="11" fill="${p.ink}"/>
  <rect x="70" y="330" width="260" height="20" rx="6" fill="${p.ink}"/>
  <rect x="130" y="160" width="12" height="120" rx="6" fill="#8fd0ff" opacity="0.8"/>`;

export const knife: Shape = (p) => `
  <g transform="rotate(-24 200 200)">
  <path d="M40 180 L250 180 L250 222 L120 222 Q60 220 40 180 Z" fill="${p.metal}"/>
  <path d="M40 180 L250 180 L250 196 L70 196 Z" fill="#e7eaee"/>
  <rect x="250" y="172" width="130" height="56" rx="14" fill="${p.c === '#f6f4ef' ? '#3a3d44' : p.c}"/>
  <circle cx="290" cy="200" r="6" fill="${p.metal}"/><circle cx="340" cy="200" r="6" fill="${p.metal}"/></g>`;

export const mug: Shape = (p) => `
  <rect x="90" y="110" width="200" height="230" rx="26" fill="${p.c}"/>
  <path d="M290 160 Q360 160 356 226 Q352 290 290 292" stroke="${p.c}" stroke-width="28" fill="none"/>
  <rect x="90" y="110" width="200" height="30" rx="15" fill="${p.d}"/>
  <rect x="110" y="150" width="20" height="170" rx="10" fill="#ffffff" opacity="0.25"/>
  <path d="M160 90 q-16 -30 0 -50 M210 90 q-16 -30 0 -50" stroke="${p.steel}" stroke-width="8" fill="none" stroke-linecap="round"/>`;

export const plant: Shape = (p) => `
  <path d="M200 230 Q120 200 80 110 Q160 110 200 230 Z" fill="#2f8052"/>
  <path d="M200 230 Q290 190 330 90 Q240 100 200 230 Z" fill="#3d9a63"/>
  <path d="M200 230 Q180 120 210 40 Q250 130 200 230 Z" fill="#4fb276"/>
  <path d="M200 230 Q150 180 130 170 M200 230 Q260 170 290 130" stroke="#1f5e3a" stroke-width="5" fill="none"/>
  <path d="M120 230 L280 230 L258 340 L142 340 Z" fill="${p.c}"/>
  <rect x="110" y="220" width="180" height="30" rx="8" fill="${p.d}"/>`;

export const wateringCan: Shape = (p) => `
  <path d="M110 140 L270 140 L280 330 L100 330 Z" fill="${p.c}"/>
  <path d="M230 140 L270 140 L280 330 L240 330 Z" fill="${p.d}"/>
  <path d="M110 240 L40 110" stroke="${p.c}" stroke-width="24" stroke-linecap="round"/>
  <rect x="16" y="86" width="50" height="34" rx="8" transform="rotate(-30 41 103)" fill="${p.d}"/>
  <path d="M150 140 Q190 40 250 140" stroke="${p.d}" stroke-width="20" fill="none"/>
  <path d="M270 180 Q340 200 290 290" stroke="${p.d}" stroke-width="18" fill="none"/>`;

export const spade: Shape = (p) => `
  <g transform="rotate(20 200 200)">
  <rect x="188" y="20" width="24" height="220" rx="8" fill="${p.wood}"/>
  <path d="M160 24 h80" stroke="${p.ink}" stroke-width="22" stroke-linecap="round"/>
  <path d="M140 230 L260 230 L260 330 Q200 380 140 330 Z" fill="${p.steel}"/>
  <path d="M140 230 L260 230 L260 252 L140 252 Z" fill="${p.c === '#f6f4ef' ? p.steel : p.c}"/></g>`;

export const chair: Shape = (p) => `
  <rect x="110" y="60" width="180" height="140" rx="18" fill="${p.c}"/>
  <path d="M130 100 h140 M130 130 h140 M130 160 h140" stroke="${p.d}" stroke-width="8"/>
  <rect x="96" y="196" width="208" height="30" rx="10" fill="${p.d}"/>
  <path d="M120 226 L90 344 M280 226 L310 344 M120 226 L290 344 M280 226 L110 344" stroke="${p.d}" stroke-width="14" stroke-linecap="round"/>`;

export const drill: Shape = (p) => `
  <path d="M60 100 L280 100 Q310 100 310 130 L310 170 Q310 190 290 190 L210 190 L200 250 L140 250 L140 190 L60 190 Q40 190 40 170 L40 120 Q40 100 60 100 Z" fill="${p.c === '#f6f4ef' ? '#e6a230' : p.c}"/>
  <rect x="310" y="126" width="40" height="36" rx="6" fill="${p.ink}"/>
  <rect x="350" y="138" width="46" height="12" fill="${p.steel}"/>
  <path d="M140 230 L200 230 L214 330 L126 330 Z" fill="${p.ink}"/>
  <rect x="112" y="300" width="116" height="46" rx="10" fill="#3a3d44"/>
  <path d="M60 120 h150" stroke="#ffffff" stroke-width="8" opacity="0.3" stroke-linecap="round"/>`;

export const hammer: Shape = (p) => `
  <g transform="rotate(-30 200 200)">
  <rect x="184" y="120" width="32" height="240" rx="12" fill="${p.c === '#f6f4ef' ? p.wood : p.c}"/>
  <rect x="184" y="270" width="32" height="90" rx="12" fill="${p.ink}"/>
  <path d="M110 70 L250 70 L280 60 Q320 80 300 120 L250 110 L110 110 Q96 90 110 70 Z" fill="${p.steel}"/></g>`;

export const screwdriver: Shape = (p) => `
  ${[0, 1, 2]
    .map(
      (i) => `<g transform="translate(${110 + i * 90} 0) rotate(${-8 + i * 8} 0 200)">
    <rect x="-24" y="60" width="48" height="130" rx="20" fill="${i === 1 ? p.c : p.d}"/>
    <rect x="-24" y="70" width="48" height="14" fill="${p.ink}" opacity="0.4"/>
    <rect x="-6" y="190" width="12" height="140" fill="${p.steel}"/>
    <path d="M-6 330 L6 330 L0 350 Z" fill="${p.steel}"/></g>`,
    )
    .join('')}`;

export const ladder: Shape = (p) => `
  <path d="M150 40 L80 350 M250 40 L320 350" stroke="${p.metal}" stroke-width="22" stroke-linecap="round"/>
  <path d="M140 110 H262 M124 180 H278 M108 250 H294" stroke="${p.steel}" stroke-width="18" stroke-linecap="round"/>
  <rect x="140" y="24" width="120" height="30" rx="8" fill="${p.c === '#f6f4ef' ? '#e6a230' : p.c}"/>`;

export const paintCan: Shape = (p) => `
  <rect x="90" y="110" width="220" height="230" rx="12" fill="${p.metal}"/>
  <ellipse cx="200" cy="110" rx="110" ry="22" fill="${p.steel}"/>
  <rect x="90" y="160" width="220" height="120" fill="${p.c}"/>
  <path d="M90 160 h220 v20 Q250 200 210 182 Q170 210 140 180 Q110 196 90 184 Z" fill="${p.d}"/>
  <path d="M96 110 Q200 20 304 110" stroke="${p.ink}" stroke-width="6" fill="none"/>`;
