/**
 * Rings of pixel points as one SVG path's `d`, as few bytes as the picture allows: each ring is
 * simplified (Douglas–Peucker, points within `tolerance` pixels of the line kept out), rounded to
 * whole pixels and written relative to the point before (`M x y l dx dy dx dy … z`: small deltas, and
 * a minus sign needs no separator). A ring smaller than a pixel once simplified is left out.
 */
export type Point = readonly [number, number];

/** The points of `pts` that Douglas–Peucker keeps at `tolerance` (first and last always). */
export function simplify(pts: readonly Point[], tolerance: number): Point[] {
  if (pts.length <= 2) return [...pts];
  const keep = new Uint8Array(pts.length);
  keep[0] = 1;
  keep[pts.length - 1] = 1;
  const stack: [number, number][] = [[0, pts.length - 1]];
  const tol2 = tolerance * tolerance;
  while (stack.length) {
    const [first, last] = stack.pop()!;
    const [ax, ay] = pts[first]!;
    const [bx, by] = pts[last]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let worstD2 = tol2;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = pts[i]!;
      // Distance to the segment (to the point itself when the ends meet, as a closed ring's do).
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
      const ex = px - (ax + t * dx);
      const ey = py - (ay + t * dy);
      const d2 = ex * ex + ey * ey;
      if (d2 > worstD2) {
        worstD2 = d2;
        worst = i;
      }
    }
    if (worst > 0) {
      keep[worst] = 1;
      stack.push([first, worst], [worst, last]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

const num = (n: number, first: boolean) => (first || n < 0 ? `${n}` : ` ${n}`);

/** One closed ring as `M x y l … z`, or '' when it is under a pixel once simplified and rounded. */
export function ringPath(pts: readonly Point[], tolerance: number): string {
  const rounded: Point[] = [];
  for (const [x, y] of simplify(pts, tolerance)) {
    const p: Point = [Math.round(x), Math.round(y)];
    const prev = rounded.at(-1);
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) rounded.push(p);
  }
  if (rounded.length > 1 && rounded[0]![0] === rounded.at(-1)![0] && rounded[0]![1] === rounded.at(-1)![1]) rounded.pop(); // z closes it
  if (rounded.length < 3) return '';
  let d = `M${rounded[0]![0]} ${rounded[0]![1]}l`;
  for (let i = 1; i < rounded.length; i++) {
    const dx = rounded[i]![0] - rounded[i - 1]![0];
    const dy = rounded[i]![1] - rounded[i - 1]![1];
    d += num(dx, i === 1) + num(dy, false);
  }
  return `${d}z`;
}
