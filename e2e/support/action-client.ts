/**
 * A visitor without a browser: keeps cookies, signs in through Auth.js's own endpoint, and calls
 * server actions the way React does (the action's id from the build's server-reference manifest,
 * the arguments encoded by React's own encodeReply), so load can be put on a real `next start`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LOCALE_COOKIE } from '../../lib/i18n/config';

// React's own client encoder, as Next ships it (no types are published for this path).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped: an import would need a module declaration; require() and a cast type it here
const { encodeReply } = require('next/dist/compiled/react-server-dom-webpack/client.node.js') as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

type Manifest = { node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }> };

/** Action ids and the page each is served from, by "<file>#<export>" (file relative to app/). */
export function loadActions(distDir = process.env.NEXT_DIST_DIR || '.next'): Map<string, { id: string; page: string }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), 'utf8')) as Manifest;
  const out = new Map<string, { id: string; page: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const page = Object.keys(entry.workers).find((w) => w.startsWith('app/[locale]/') && w.endsWith('/page'));
    if (!page) continue;
    const route =
      page
        .replace(/^app\/\[locale\]/, '')
        .replace(/\/\([^)]+\)/g, '')
        .replace(/\/page$/, '') || '/';
    out.set(`${entry.filename.replace(/^app\//, '')}#${entry.exportedName}`, { id, page: route });
  }
  return out;
}

export type ActionAnswer = { status: number; redirect: string | null; value: unknown };

export class Visitor {
  readonly cookies = new Map<string, string>();
  constructor(readonly origin: string) {}

  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(this.origin + pathname, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Auth.js's credentials endpoint, as the sign-in form would reach it; true once a session cookie came back. */
  async signIn(email: string, password: string): Promise<boolean> {
    const { csrfToken } = (await (await this.fetch('/api/auth/csrf')).json()) as { csrfToken: string };
    await this.fetch('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: this.origin },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: '/' }),
    });
    return [...this.cookies.keys()].some((k) => k.includes('session-token'));
  }

  /**
   * Calls a server action on `page` (its [params] filled from `params`). The answer's value is the
   * action's return (read from the RSC payload's row 1), or null when it redirected.
   */
  async call(action: { id: string; page: string }, args: unknown[], params: Record<string, string | number> = {}): Promise<ActionAnswer> {
    const path = action.page.replace(/\[(\w+)\]/g, (_, k: string) => String(params[k] ?? k));
    // Posted from the page in the visitor's language, as a browser would: the URL decides it, and a
    // French page's actions answer in French (a URL per language).
    const page = this.cookies.get(LOCALE_COOKIE) === 'en' ? `/en${path === '/' ? '' : path}` : path;
    const body = await encodeReply(args);
    const res = await this.fetch(page, {
      method: 'POST',
      headers: {
        'next-action': action.id,
        accept: 'text/x-component',
        origin: this.origin,
        ...(typeof body === 'string' ? { 'content-type': 'text/plain;charset=UTF-8' } : {}),
      },
      body,
    });
    const text = await res.text();
    const row = text.split('\n').find((l) => l.startsWith('1:'));
    let value: unknown = null;
    if (row) {
      try {
        value = JSON.parse(row.slice(2));
      } catch {
        value = row.slice(2);
      }
    }
    return { status: res.status, redirect: res.headers.get('x-action-redirect'), value };
  }
}

export function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
}
