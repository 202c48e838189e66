import { ean13Bars, QUIET_LEFT, QUIET_RIGHT } from '@/lib/barcode/ean13';

const BAR_HEIGHT = 56;
const GUARD_EXTRA = 6;
const DIGIT_SIZE = 9;
const WIDTH = QUIET_LEFT + 95 + QUIET_RIGHT;
const HEIGHT = BAR_HEIGHT + GUARD_EXTRA + 4;

/**
 * An EAN-13 barcode as inline SVG, drawn on the server: it shows with no script and no network
 * (the offline copy of the card is plain HTML), and stays sharp at any zoom. Units are modules;
 * the quiet zones are part of the drawing so a scanner always finds them, and the digits sit
 * under the bars as on a printed card (first digit in the left quiet zone).
 */
export function Ean13Barcode({ value, label, className }: { value: string; label: string; className?: string }) {
  const bars = ean13Bars(value);
  const digitX = (i: number) => (i === 0 ? QUIET_LEFT - 4 : i <= 6 ? QUIET_LEFT + 3 + (i - 1) * 7 + 3.5 : QUIET_LEFT + 50 + (i - 7) * 7 + 3.5);
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className={className}
      shapeRendering="crispEdges"
      data-testid="card-barcode"
      data-value={value}
    >
      <rect width={WIDTH} height={HEIGHT} fill="#fff" />
      {bars.map((b) => (
        <rect key={b.x} x={QUIET_LEFT + b.x} y={0} width={b.width} height={b.guard ? BAR_HEIGHT + GUARD_EXTRA : BAR_HEIGHT} fill="#000" />
      ))}
      <g fill="#000" fontFamily="ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" fontSize={DIGIT_SIZE} textAnchor="middle" aria-hidden="true">
        {[...value].map((d, i) => (
          <text key={i} x={digitX(i)} y={BAR_HEIGHT + DIGIT_SIZE - 1}>
            {d}
          </text>
        ))}
      </g>
    </svg>
  );
}
