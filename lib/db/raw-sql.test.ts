import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * One way to the database (docs/architecture.md): Drizzle's query builder for plain reads and
 * writes; raw SQL (`db.execute(sql`…`)`, or `queryRows` for a statement whose refusal is expected)
 * only where it earns its place — a conditional update the builder cannot say, a CTE, a lock, a
 * database function, NOTIFY — with the reason beside it. This walks lib/ and fails on an
 * `execute(` or `queryRows(` call without a `Raw SQL` comment in the lines above it (or, for a file
 * that is raw SQL by nature, such as a seed's bulk loads, a `Raw SQL throughout:` comment at its top).
 */

const ROOT = path.resolve(__dirname, '../..');
const LOOKBACK = 8;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

export function unexplainedRawSql(text: string): number[] {
  const lines = text.split('\n');
  if (/Raw SQL throughout:/.test(lines.slice(0, 30).join('\n'))) return [];
  const found: number[] = [];
  lines.forEach((line, i) => {
    if (!/\.execute(<[^>]*>+)?\(/.test(line) && !/\.execute<\{/.test(line) && !/\bqueryRows(<|\()/.test(line)) return;
    const above = lines.slice(Math.max(0, i - LOOKBACK), i + 1).join('\n');
    if (!/Raw SQL/.test(above)) found.push(i + 1);
  });
  return found;
}

describe('raw SQL in lib/', () => {
  it('is found by the check (an execute or queryRows without a reason is named, one with a reason is not)', () => {
    expect(unexplainedRawSql('const r = await db.execute(sql`SELECT 1`);')).toEqual([1]);
    expect(unexplainedRawSql('const r = await tx.execute<{ id: number }>(sql`SELECT 1`);')).toEqual([1]);
    expect(unexplainedRawSql('const [row] = await queryRows<{ n: number }>(`SELECT 1`, []);')).toEqual([1]);
    expect(unexplainedRawSql('// Raw SQL: a CTE.\nconst r = await db.execute(sql`WITH a AS (SELECT 1) SELECT * FROM a`);')).toEqual([]);
  });

  it('gives its reason beside every execute() and queryRows() outside tests', () => {
    const offenders = sourceFiles(path.join(ROOT, 'lib')).flatMap((file) =>
      unexplainedRawSql(fs.readFileSync(file, 'utf8')).map((line) => `${path.relative(ROOT, file)}:${line}`),
    );
    expect(offenders, 'use the query builder, or write `// Raw SQL: <why>` above the call').toEqual([]);
  });
});
