import { extractInfoFromServerReferenceId } from 'next/dist/shared/lib/server-reference-info';
import { isSafeText } from '@/lib/input/text';

/**
 * A server action's request body, checked before Next.js decodes it. Next.js hands the body to
 * React's reply decoder and calls the action with what comes out; whatever fails on the way is a
 * 500: a multipart body busboy cannot parse (a NUL in a field name), a body over the 1 MB limit,
 * invalid JSON, a root that is not the list of arguments (`"x"`: "CreateListFromArrayLike called
 * on non-object"), a reference to a part the body does not hold (`"$@3"`: "Connection closed").
 * Anyone can post such a body to an action's id, so each is refused here with a 400 (or a 413),
 * and the action runs only on arguments it can be called with; what they hold is then its own
 * business (lib/actions/builder.ts, zod).
 *
 * The references accepted are those this site's clients send — a form ("$K"), a date, undefined,
 * NaN, ±Infinity, -0, a big integer, an escaped "$$" string, and an outlined model ("$1") that the
 * body holds; anything else (promises, maps, sets, streams, blobs, typed arrays, server and
 * temporary references, iterators, a bare "$") is refused, as no page here sends one.
 */
export const ACTION_BODY_LIMIT = 1024 * 1024; // Next.js's default serverActions.bodySizeLimit
/**
 * The back office's product page posts pictures (up to 8 MB, lib/media/limits.ts), and its imports
 * page a pictures file with its pictures: their actions alone may send up to this; next.config.js sets Next.js's own limit to it, and every other page's
 * actions are still held to 1 MB here.
 */
export const PICTURE_ACTION_BODY_LIMIT = 9 * 1024 * 1024;

/** The body limit for an action posted to this page (its path without the language prefix). */
export function actionBodyLimit(path: string): number {
  return /^\/admin\/(products\/\d{1,10}|imports)\/?$/.test(path) ? PICTURE_ACTION_BODY_LIMIT : ACTION_BODY_LIMIT;
}

/**
 * A request body read up to `limit` bytes: its bytes, or null as soon as it holds more (the rest is
 * not read). A body sent without a Content-Length (chunked) cannot be refused on its header, and
 * reading it whole first would let anyone hold a gigabyte in the server's memory.
 */
export async function readBodyCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a request's clone is a branch of a tee, whose cancel settles only once the
      // other branch (the body Next.js keeps for the action) is cancelled too — never, here.
      reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}

export type ActionBodyVerdict = { ok: true } | { ok: false; status: 400 | 404 | 413; reason: string };

const refused = (reason: string, status: 400 | 404 | 413 = 400): ActionBodyVerdict => ({ ok: false, status, reason });

/** Plain values React encodes as a "$" string, needing no other part of the body. */
const SELF_CONTAINED = new Set(['$', 'u', 'N', 'I', '-', 'D', 'K', 'H']);

/**
 * Checks a reply (the root, and every outlined model it reaches): `parts` are the body's string
 * fields by name; returns a reason, or null when React can decode it.
 */
function checkReply(root: string, parts: Map<string, string>): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(root);
  } catch {
    return 'the arguments are not valid JSON';
  }
  if (!Array.isArray(parsed)) return 'the arguments are not a list';
  const seen = new Set<string>();
  const pending: unknown[] = [parsed];
  let visited = 0;
  while (pending.length > 0) {
    const value = pending.pop();
    if (++visited > 100_000) return 'the arguments are too deeply nested';
    if (Array.isArray(value)) pending.push(...value);
    else if (value && typeof value === 'object') pending.push(...Object.values(value));
    else if (typeof value === 'string' && value.startsWith('$')) {
      const kind = value[1] ?? '';
      if (kind === 'n') {
        if (!/^-?\d{1,300}$/.test(value.slice(2))) return 'a big integer is not one';
      } else if (SELF_CONTAINED.has(kind)) {
        continue;
      } else if (/^[0-9a-f]$/.test(kind)) {
        const id = /^\$([0-9a-f]{1,8})(?::|$)/.exec(value)?.[1];
        const key = id === undefined ? undefined : String(parseInt(id, 16));
        const model = key === undefined ? undefined : parts.get(key);
        if (model === undefined) return `a reference to a part the body does not hold (${value.slice(0, 20)})`;
        if (seen.has(key!)) continue;
        seen.add(key!);
        try {
          pending.push(JSON.parse(model));
        } catch {
          return 'a part is not valid JSON';
        }
      } else {
        return `an argument of a kind no page here sends (${value.slice(0, 3)})`;
      }
    }
  }
  return null;
}

async function parseMultipart(contentType: string, body: Uint8Array): Promise<FormData | null> {
  try {
    return await new Response(body as BodyInit, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return null;
  }
}

/**
 * The verdict on a POST that Next.js would treat as a server action (lib/http/cross-origin.ts
 * isPossibleServerAction): `isFetch` when it carries a Next-Action header.
 */
export async function checkActionBody(contentType: string, body: Uint8Array, isFetch: boolean, limit = ACTION_BODY_LIMIT): Promise<ActionBodyVerdict> {
  if (body.byteLength > limit) return refused(`the body is over the ${limit / 1024 / 1024} MB limit`, 413);
  if (contentType.startsWith('multipart/form-data')) {
    const form = await parseMultipart(contentType, body);
    if (!form) return refused('the body is not valid multipart form data');
    // busboy, which Next.js parses with, fails on a field name with a control character.
    for (const key of form.keys()) if (!isSafeText(key)) return refused('a field name holds a control character');
    if (!isFetch) {
      // A form posted without JavaScript names its action in a field: Next.js decodes the rest itself.
      if (namedActionIds(null, form).some(isCachedFunctionId)) return refused('no such action', 404);
      return { ok: true };
    }
    const parts = new Map<string, string>();
    for (const [key, value] of form) if (typeof value === 'string') parts.set(key, value);
    const root = parts.get('0');
    if (root === undefined) return refused('the body holds no arguments');
    const problem = checkReply(root, parts);
    return problem ? refused(problem) : { ok: true };
  }
  if (!isFetch) return { ok: true }; // not an action at all for Next.js: the page answers the POST
  const problem = checkReply(new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), new Map());
  return problem ? refused(problem) : { ok: true };
}

/**
 * Whether an action id names a `'use cache'` function rather than a server action. Next.js gives
 * every cached function an id in the same manifest, callable by a POST like any action, with the
 * id's first byte saying which it is (its own `extractInfoFromServerReferenceId`). No page here
 * calls a cached read from the browser: it is a read of the server's own, not an endpoint, and
 * whatever is posted to it (a NUL in a slug reached PostgreSQL: a 500) must not reach it.
 */
export function isCachedFunctionId(id: string): boolean {
  return /^[0-9a-f]{42}$/i.test(id) && extractInfoFromServerReferenceId(id).type === 'use-cache';
}

/** The action ids a request names: the Next-Action header, or a form posted without JavaScript. */
export function namedActionIds(headerId: string | null, form: FormData | null): string[] {
  const ids = headerId ? [headerId] : [];
  for (const key of form?.keys() ?? []) if (key.startsWith('$ACTION_ID_')) ids.push(key.slice('$ACTION_ID_'.length));
  return ids;
}
