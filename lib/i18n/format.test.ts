import { describe, expect, it } from 'vitest';
import { LOCALES } from './config';
import { getDictionary } from './dictionary';
import { formatDate, formatDateTime, formatMessage, formatNumber, pluralCategory } from './format';
import { formatDeadline } from './format-deadline';

// French keeps a number and its unit together with a (narrow) no-break space.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const items = { fr: '{count, plural, one {# article} other {# articles}}', en: '{count, plural, one {# item} other {# items}}' };

describe('formatMessage plurals', () => {
  it('follows French rules: 0 and 1 are singular', () => {
    expect([0, 1, 2, 20].map((count) => formatMessage(items.fr, { count }, 'fr'))).toEqual(['0 article', '1 article', '2 articles', '20 articles']);
  });
  it('follows English rules: only 1 is singular', () => {
    expect([0, 1, 2, 20].map((count) => formatMessage(items.en, { count }, 'en'))).toEqual(['0 items', '1 item', '2 items', '20 items']);
  });
  it('writes many as the language does, and falls back to "other" for a category it lacks', () => {
    expect(plain(formatMessage(items.fr, { count: 1234 }, 'fr'))).toBe('1 234 articles');
    expect(formatMessage(items.en, { count: 1234 }, 'en')).toBe('1,234 items');
    expect(pluralCategory(1_000_000, 'fr')).toBe('many'); // no "many" branch above: "other" answers
    expect(plain(formatMessage(items.fr, { count: 1_000_000 }, 'fr'))).toBe('1 000 000 articles');
  });
  it('prefers an exact =N branch, and fills the other placeholders', () => {
    const t = '{count, plural, =0 {Aucun article pour « {query} »} one {# article pour « {query} »} other {# articles pour « {query} »}}';
    expect(formatMessage(t, { count: 0, query: 'pull' }, 'fr')).toBe('Aucun article pour « pull »');
    expect(formatMessage(t, { count: 1, query: 'pull' }, 'fr')).toBe('1 article pour « pull »');
    expect(formatMessage(t, { count: 3, query: 'pull' }, 'fr')).toBe('3 articles pour « pull »');
  });
  it('takes two plurals in one sentence', () => {
    const t = '{returnable, plural, one {#} other {#}} sur {bought, plural, one {# acheté} other {# achetés}}';
    expect(formatMessage(t, { returnable: 1, bought: 3 }, 'fr')).toBe('1 sur 3 achetés');
  });
  it('refuses a plural without "other" or without a number', () => {
    expect(() => formatMessage('{n, plural, one {#}}', { n: 1 }, 'en')).toThrow(/other/);
    expect(() => formatMessage('{n, plural, one {#} other {#}}', {}, 'en')).toThrow(/number/);
  });
});

describe('formatNumber', () => {
  it('groups thousands the language’s way', () => {
    expect(plain(formatNumber(12345, 'fr'))).toBe('12 345');
    expect(formatNumber(12345, 'en')).toBe('12,345');
  });
});

describe('formatDate', () => {
  const first = new Date('2026-12-01T09:00:00Z'); // 10:00 in Paris
  const second = new Date('2026-12-02T09:00:00Z');
  it('writes the first of the month « 1er » in French', () => {
    expect(formatDate(first, 'fr', { day: 'numeric', month: 'short' })).toBe('1er déc.');
    expect(formatDate(first, 'fr', { weekday: 'long', day: 'numeric', month: 'long' })).toBe('mardi 1er décembre');
    expect(formatDateTime(first, 'fr')).toBe('1er déc., 10:00');
    expect(formatDeadline(first, 'fr')).toBe('mardi 1er décembre à 10:00');
  });
  it('leaves the other days, two-digit days and English alone', () => {
    expect(formatDate(second, 'fr', { day: 'numeric', month: 'short' })).toBe('2 déc.');
    expect(formatDate(first, 'fr', { day: '2-digit', month: '2-digit' })).toBe('01/12');
    expect(formatDate(first, 'en', { day: 'numeric', month: 'short' })).toBe('1 Dec');
    expect(formatDateTime(first, 'en')).toBe('1 Dec, 10:00');
  });
  it('reads the day in the shops’ time zone: 23:30 UTC on 30 November is already 1 December in Paris', () => {
    expect(formatDate(new Date('2026-11-30T23:30:00Z'), 'fr', { day: 'numeric', month: 'long' })).toBe('1er décembre');
  });
});

describe('dictionaries', () => {
  const all = LOCALES.flatMap((locale) =>
    Object.values(getDictionary(locale)).flatMap((area) => Object.entries(area).map(([key, text]) => ({ locale, key, text }))),
  );
  it('write no half-plurals like "item(s)": a count goes through a plural', () => {
    expect(all.filter((m) => /\w\(s\)|\(e\)s?\b/.test(m.text)).map((m) => `${m.locale}.${m.key}: ${m.text}`)).toEqual([]);
  });
  it('have plurals the formatter reads, for 0, 1, 2 and 20', () => {
    const plurals = all.filter((m) => /\{\w+,\s*plural,/.test(m.text));
    expect(plurals.length).toBeGreaterThan(10);
    for (const m of plurals) {
      const names = [...m.text.matchAll(/\{(\w+),\s*plural,/g)].map((x) => x[1] as string);
      const others = Object.fromEntries([...m.text.matchAll(/\{(\w+)\}/g)].map((x) => [x[1] as string, 'x']));
      for (const n of [0, 1, 2, 20]) {
        const out = formatMessage(m.text, { ...others, ...Object.fromEntries(names.map((k) => [k, n])) }, m.locale);
        expect(out, `${m.locale}.${m.key}`).not.toMatch(/plural|[{}#]/);
      }
    }
  });
});

describe('plural messages', () => {
  it('are filled by formatMessage, never by interpolate (which would print the "{count, plural, …}" as is)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    // t.<area>.<key> is checked exactly; a key reached another way (labels.itemChoose) only when no
    // area has a plain sentence under the same name.
    const plural = /\{\w+,\s*plural,/;
    const entries = LOCALES.flatMap((locale) =>
      Object.entries(getDictionary(locale)).flatMap(([area, texts]) => Object.entries(texts).map(([key, text]) => ({ area, key, plural: plural.test(text) }))),
    );
    const exact = [...new Set(entries.filter((e) => e.plural).map((e) => `t\\.${e.area}\\.${e.key}`))];
    const plain = new Set(entries.filter((e) => !e.plural).map((e) => e.key));
    const loose = [...new Set(entries.filter((e) => e.plural && !plain.has(e.key)).map((e) => `[\\w.]*\\.${e.key}`))];
    const misused = new RegExp(`interpolate\\(\\s*(?:[\\w.]*\\.)?(?:${[...exact, ...loose].join('|')})\\b`);
    const root = join(__dirname, '..', '..');
    const sources = ['app', 'components', 'lib'].flatMap((dir) =>
      (readdirSync(join(root, dir), { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)).map((f) => join(dir, f)),
    );
    expect(sources.length).toBeGreaterThan(100);
    const found = sources.filter((file) => misused.test(readFileSync(join(root, file), 'utf8')));
    expect(found).toEqual([]);
  });
});
