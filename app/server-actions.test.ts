import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { builtActionKind } from '@/lib/actions/builder';

vi.mock('next/headers', async () => (await import('@/test/support/next-request')).nextHeaders);
vi.mock('next/navigation', async () => (await import('@/test/support/next-request')).nextNavigation);
vi.mock('next/cache', async () => (await import('@/test/support/next-request')).nextCache);
vi.mock('next/server', async () => ({ ...(await import('next/server.js')), connection: async () => {} }));
vi.mock('next-auth', async () => (await import('@/test/support/next-request')).nextAuth);
vi.mock('@/lib/auth', async () => (await import('@/test/support/next-request')).auth);

/*
 * Every 'use server' module of the site, found by walking the source (not by a list to keep up to
 * date): each of its exports is a public endpoint anyone can post to, so each must be made by the
 * one action builder (lib/actions/builder.ts), which guards the arguments, the session, the store
 * and the input, and says every refusal in the visitor's language. A module is named so that
 * app/actions.fuzz.test.ts fuzzes it, and no function declares 'use server' inside another module
 * (an inline action would escape both).
 */
const root = path.resolve(import.meta.dirname, '..');
const loaders = import.meta.glob<Record<string, unknown>>(['./**/*.ts', '../lib/**/*.ts', '../components/**/*.ts', '!./**/*.test.ts', '!../lib/**/*.test.ts']);

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return walk(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const sources = ['app', 'lib', 'components']
  .flatMap((d) => walk(path.join(root, d)))
  .map((f) => ({ file: path.relative(root, f), text: fs.readFileSync(f, 'utf8') }));
const DIRECTIVE = /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*['"]use server['"]/;
const serverModules = sources.filter((s) => DIRECTIVE.test(s.text)).map((s) => s.file);

/** The glob key of a file, as seen from this test (app/). */
const keyOf = (file: string) => (file.startsWith('app/') ? `./${file.slice('app/'.length)}` : `../${file}`);

describe("the site's server actions", () => {
  it('are found by walking the source', () => {
    expect(serverModules.length).toBeGreaterThanOrEqual(40);
    expect(serverModules).toContain('lib/auth/sign-out-action.ts');
  });

  it('declare "use server" at the top of their own module only, named so the fuzzing finds them', () => {
    for (const { file, text } of sources) {
      const inline = text.split('\n').filter((line, i) => /['"]use server['"]/.test(line) && !(i < 3 && DIRECTIVE.test(text)));
      expect(inline, `${file}: an inline 'use server'`).toEqual([]);
    }
    for (const file of serverModules) {
      expect(file, 'app/actions.fuzz.test.ts fuzzes app/**/*-action.ts, app/**/actions.ts and lib/auth/sign-out-action.ts').toMatch(
        /^(app\/.*(-action|\/actions)\.ts|lib\/auth\/sign-out-action\.ts)$/,
      );
    }
  });

  it.each(serverModules)('%s: every export is an action made by the builder', async (file) => {
    const load = loaders[keyOf(file)];
    expect(load, `${file} is imported by this test`).toBeDefined();
    const exports = Object.entries(await load!());
    expect(exports.length).toBeGreaterThan(0);
    for (const [name, value] of exports) expect(builtActionKind(value), `${file}#${name} is not made by lib/actions/builder.ts`).toBeDefined();
  });
});
