import { describe, expect, it } from 'vitest';
import { inlinePicture } from './inline-picture';

describe('inlinePicture', () => {
  it("inlines one of the catalogue's drawn pictures as an SVG data: URI", () => {
    const uri = inlinePicture('/img/p/chaussures-randonnee-1-green.svg');
    expect(uri.startsWith('data:image/svg+xml,%3Csvg')).toBe(true);
    expect(decodeURIComponent(uri.slice('data:image/svg+xml,'.length))).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(uri.length).toBeLessThan(6_000);
  });

  it('leaves any other address as it is', () => {
    for (const src of ['/img/p/no-such-kind-1.svg', 'https://cdn.example/p.jpg', '/img/p/a/b.svg', '/img/p/chaussures-randonnee-1-green.svg?x=1']) {
      expect(inlinePicture(src)).toBe(src);
    }
  });
});
