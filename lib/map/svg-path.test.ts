import { describe, expect, it } from 'vitest';
import { ringPath, simplify, type Point } from './svg-path';

/** The absolute points a `M x y l dx dy … z` path draws. */
function pointsOf(d: string): Point[] {
  const m = /^M(-?\d+) (-?\d+)l(.*)z$/.exec(d);
  if (!m) throw new Error(`not a ring: ${d}`);
  const nums = (m[3]!.match(/-?\d+/g) ?? []).map(Number);
  const pts: Point[] = [[Number(m[1]), Number(m[2])]];
  for (let i = 0; i < nums.length; i += 2) pts.push([pts.at(-1)![0] + nums[i]!, pts.at(-1)![1] + nums[i + 1]!]);
  return pts;
}

describe('simplify', () => {
  it('drops the points of a straight line and keeps the corners', () => {
    const line: Point[] = [
      [0, 0],
      [1, 0.2],
      [2, -0.1],
      [3, 0],
      [3, 5],
      [0, 5],
      [0, 0],
    ];
    expect(simplify(line, 0.5)).toEqual([
      [0, 0],
      [3, 0],
      [3, 5],
      [0, 5],
      [0, 0],
    ]);
  });

  it('keeps a bump taller than the tolerance', () => {
    expect(
      simplify(
        [
          [0, 0],
          [5, 3],
          [10, 0],
        ],
        1,
      ),
    ).toEqual([
      [0, 0],
      [5, 3],
      [10, 0],
    ]);
    expect(
      simplify(
        [
          [0, 0],
          [5, 0.9],
          [10, 0],
        ],
        1,
      ),
    ).toEqual([
      [0, 0],
      [10, 0],
    ]);
  });
});

describe('ringPath', () => {
  it('writes relative whole-pixel steps that land on the simplified points', () => {
    const ring: Point[] = [
      [10.2, 20.4],
      [30.6, 20.1],
      [30.4, 50.5],
      [10, 50],
      [10.2, 20.4],
    ];
    const d = ringPath(ring, 1);
    expect(d).toBe('M10 20l21 0-1 31-20-1z');
    expect(pointsOf(d)).toEqual([
      [10, 20],
      [31, 20],
      [30, 51],
      [10, 50],
    ]);
  });

  it('leaves out a ring that is under a pixel', () => {
    expect(
      ringPath(
        [
          [5, 5],
          [5.2, 5.1],
          [5.1, 5.3],
          [5, 5],
        ],
        1,
      ),
    ).toBe('');
  });

  it('is much shorter than one point per pixel, and stays within the tolerance of the outline', () => {
    // A circle of radius 200 px drawn with a point every half degree.
    const ring: Point[] = Array.from({ length: 721 }, (_, i) => [300 + 200 * Math.cos((i * Math.PI) / 360), 300 + 200 * Math.sin((i * Math.PI) / 360)]);
    const d = ringPath(ring, 1);
    const pts = pointsOf(d);
    expect(pts.length).toBeLessThan(80);
    for (const [x, y] of pts) expect(Math.abs(Math.hypot(x - 300, y - 300) - 200)).toBeLessThan(1.5);
  });
});
