import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The documents stay true to the tree they describe: the folder map of docs/architecture.md names
 * every top-level folder and every lib/ folder, and nothing else; every relative link in README.md
 * and docs/*.md reaches a file (and its heading); every repository path they quote exists; every
 * environment variable the server reads is documented. The truth is the file system as git sees
 * it (tracked, or new and not ignored), so build output, data and editor folders do not count.
 */

const root = path.resolve(import.meta.dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const exists = (file: string) => fs.existsSync(path.join(root, file));

/*
 * Issue 17 landed in branches (lib/actions, lib/booking, test/support; lib/orders split by job; lib/db/sql):
 * once they land (lib/actions, lib/booking, test/support; lib/orders split by job; lib/db/sql). On
 * a tree without them, these may be absent; once they exist they are held to the rules like any
 * other path, so the lists go idle on the merged tree (and can then be emptied).
 */
const LANDING: string[] = []; // all landed on main (issue 17); add a path here only while its branch is open
/** Folders a branch removes: present until it lands, and not in the map. */
const LEAVING: string[] = [];
const landing = (p: string) => LANDING.some((l) => p === l || p === l.replace(/\/$/, '') || p.startsWith(l));

/** The worked example of docs/architecture.md names the files a gift-card feature would add. */
const isExampleOnly = (p: string) => /gift[-_]card/.test(p);

function repoFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return out.split('\0').filter((f) => f !== '' && exists(f));
}

const files = repoFiles();
const topFolders = [...new Set(files.filter((f) => f.includes('/')).map((f) => `${f.slice(0, f.indexOf('/'))}/`))].sort();
const libFolders = [...new Set(files.filter((f) => /^lib\/[^/]+\//.test(f)).map((f) => f.split('/').slice(0, 2).join('/') + '/'))].sort();

/** The first whitespace-separated word of each line of the fenced block under "## Folder map". */
function mapEntries(): string[] {
  const text = read('docs/architecture.md');
  const section = text.slice(text.indexOf('\n## Folder map'));
  const block = /```\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (block === undefined) throw new Error('docs/architecture.md has no fenced block under "## Folder map"');
  return block
    .split('\n')
    .map((line) => line.split(/\s+/)[0] ?? '')
    .filter((word) => word !== '');
}

const documents = ['README.md', ...fs.readdirSync(path.join(root, 'docs')).flatMap((f) => (f.endsWith('.md') ? [`docs/${f}`] : []))];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file: string): Set<string> {
  const prose = read(file).replace(/```[\s\S]*?```/g, '');
  return new Set([...prose.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1]!)));
}

/** Prose without its fenced code blocks (a code sample is not a claim about the tree). */
const prose = (file: string) => read(file).replace(/```[\s\S]*?```/g, '');

describe('the folder map (docs/architecture.md)', () => {
  const entries = mapEntries();
  const folders = entries.filter((e) => e.endsWith('/'));

  it('reads the tree it checks', () => {
    expect(topFolders).toEqual(expect.arrayContaining(['app/', 'lib/', 'docs/', 'e2e/']));
    expect(libFolders).toEqual(expect.arrayContaining(['lib/db/', 'lib/orders/', 'lib/loyalty/', 'lib/returns/']));
  });

  it('has a line for every top-level folder and every lib/ folder', () => {
    const missing = [...topFolders, ...libFolders].filter((f) => !folders.includes(f) && !LEAVING.includes(f));
    expect(missing, `folders missing from the map in docs/architecture.md`).toEqual([]);
  });

  it('names only what exists', () => {
    const absent = entries.filter((e) => !exists(e) && !landing(e));
    expect(absent, 'the map names paths that do not exist').toEqual([]);
  });

  it('has one line per folder, top-level folders first, then lib/ in alphabetical order', () => {
    expect(new Set(folders).size).toBe(folders.length);
    const lib = folders.filter((f) => f.startsWith('lib/') && f !== 'lib/');
    expect(lib).toEqual([...lib].sort());
    expect(folders.indexOf(lib[0]!)).toBeGreaterThan(folders.indexOf('lib/'));
  });
});

describe.each(documents)('%s', (doc) => {
  it('links only to files and headings that exist', () => {
    const broken: string[] = [];
    for (const [, target] of prose(doc).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target!)) continue; // https:, mailto:
      const [file = '', anchor] = target!.split('#');
      const resolved = file === '' ? doc : path.posix.normalize(path.posix.join(path.posix.dirname(doc), file));
      if (resolved.startsWith('../') || !exists(resolved)) {
        if (!landing(resolved)) broken.push(`${target} (no file ${resolved})`);
        continue;
      }
      if (anchor !== undefined && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor)) broken.push(`${target} (no heading #${anchor})`);
    }
    expect(broken).toEqual([]);
  });

  it('quotes only repository paths that exist', () => {
    const roots = topFolders.join('|').replace(/\./g, '\\.');
    const pathLike = new RegExp(`^(?:${roots})[^\\s]*$`);
    const missing = [...prose(doc).matchAll(/`([^`\n]+)`/g)]
      .map(([, quoted]) => quoted!)
      // Patterns and placeholders (`lib/*/commands.ts`, `/staff/stores/<id>`, `00NN_…`) name no one file.
      .filter((q) => pathLike.test(q) && !/[*<>…]|NN/.test(q))
      .filter((q) => !exists(q) && !landing(q) && !isExampleOnly(q));
    expect(missing).toEqual([]);
  });
});

describe('environment variables', () => {
  // Next.js's own, and a name only quoted in a comment's example of a Stripe provider.
  const NOT_OURS = new Set(['NODE_ENV', 'NEXT_RUNTIME', 'NEXT_PHASE', 'PORT', 'STRIPE_SECRET_KEY']);

  function sources(dir: string): string[] {
    return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) return e.name === 'testing' ? [] : sources(rel);
      return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [rel] : [];
    });
  }

  it('every one the server reads is documented in docs/', () => {
    const names = new Set<string>();
    for (const file of [...sources('lib'), 'proxy.ts', 'instrumentation.ts', 'next.config.js']) {
      const text = read(file);
      for (const m of text.matchAll(/\benv(?:\.|\[')([A-Z][A-Z0-9_]+)/g)) names.add(m[1]!);
      // Settings read through a domain's helper (envInt('CART_MAX_LINES', …)), or named by a constant.
      if (/\/config\.ts$|^lib\/jobs\/index\.ts$/.test(file)) for (const m of text.matchAll(/'([A-Z][A-Z0-9_]{3,})'/g)) names.add(m[1]!);
      for (const m of text.matchAll(/_ENV = '([A-Z][A-Z0-9_]+)'/g)) names.add(m[1]!);
    }
    expect(names.size).toBeGreaterThan(40);
    const docs = documents.map(read).join('\n');
    const undocumented = [...names].filter((n) => !NOT_OURS.has(n) && !docs.includes(`\`${n}\``)).sort();
    expect(undocumented, 'environment variables read by the server but named nowhere in README.md or docs/').toEqual([]);
  });
});
