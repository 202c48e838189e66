import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { connection, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { DomainError, redactQueryParams } from '@/lib/errors';
import { RETRY_AFTER_SECONDS } from '@/lib/http/outage';
import { isSafeText } from '@/lib/input/text';
import { apiRateLimit, MAX_BODY_BYTES } from './config';
import { claimIdempotency, completeIdempotency, releaseIdempotency, requestFingerprint } from './idempotency';
import { admitApiRequest, type Caller } from './keys';
import type { Locale } from '@/lib/i18n/config';
import { refusal, type ImportRefusal } from '@/lib/import/messages';
import { MAX_REFUSALS } from '@/lib/import/run';
import type { Operation } from './operations';
import type { ApiScope } from './schema';

/*
 * The one way an /api/v1 route handler is written. In order, for every request:
 *   1. the key: `Authorization: Bearer ck_…`, a live key (401 otherwise: no key, a key we do not
 *      know, a revoked key — one answer for all three, so a guesser learns nothing);
 *   2. its rate limit, counted in the same statement that found the key (429 with Retry-After);
 *   3. its scope for this route (403);
 *   4. a write: its Idempotency-Key (required) — a key already answered replays that answer, a key
 *      used for another request is refused (422), a key still being answered asks to retry (409);
 *   5. the input, parsed by the route's zod schema (400 for a body that is not JSON, 422 with every
 *      issue and its path for one that does not fit);
 *   6. the body, one call into lib/. A DomainError is a 422 with its code; a lost database a 503;
 *      anything else a bug, logged without a query's values, answered as a 500 with no detail.
 * Every answer is JSON, errors as `{ error: { code, message, issues? } }`, never cached.
 */

export type ApiErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'invalid_json'
  | 'invalid_request'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'idempotency_key_required'
  | 'idempotency_key_reused'
  | 'idempotency_key_in_progress'
  | 'not_found'
  | 'database_unavailable'
  | 'internal_error'
  | (string & {});

export type ApiIssue = { path: string; message: string };

const NO_STORE = { 'Cache-Control': 'no-store' };

export function apiError(status: number, code: ApiErrorCode, message: string, extra: { issues?: ApiIssue[]; headers?: Record<string, string> } = {}): Response {
  return Response.json({ error: { code, message, ...(extra.issues ? { issues: extra.issues } : {}) } }, { status, headers: { ...NO_STORE, ...extra.headers } });
}

export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

/** Zod's issues as `path: message` pairs a client's developer can act on ("rows.3.price_cents"). */
export function zodIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.slice(0, 100).map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));
}

const BEARER = /^Bearer ([\x21-\x7e]{1,200})$/;

type Ctx<P> = { params: Promise<P> };
export type ApiRequestContext<P> = { request: NextRequest; caller: Caller; params: P };

const described = new WeakMap<object, Operation>();

/** The operation a handler was built from (lib/api/operations.ts), for the OpenAPI test. */
export function operationOf(handler: unknown): Operation | undefined {
  return typeof handler === 'function' ? described.get(handler) : undefined;
}

function describe<H extends object>(handler: H, op: Operation): H {
  described.set(handler, op);
  return handler;
}

/** The query's parameters, each given once: a repeated one is refused rather than one of them picked. */
function queryOf(request: NextRequest): Record<string, string> | Response {
  const out: Record<string, string> = {};
  for (const [k, v] of request.nextUrl.searchParams) {
    if (k in out) return apiError(400, 'invalid_request', `${k} must be given once`, { issues: [{ path: k, message: 'given more than once' }] });
    out[k] = v;
  }
  return out;
}

/** A read: GET, the query parsed by the operation's schema (400 with each issue when it does not fit). */
export function apiRead<O extends Operation, P = Record<string, never>>(
  op: O,
  body: (ctx: ApiRequestContext<P> & { query: O['query'] extends z.ZodType ? z.output<O['query']> : undefined }) => Promise<Response>,
): (request: NextRequest, ctx: Ctx<P>) => Promise<Response> {
  const handler = (request: NextRequest, ctx: Ctx<P>) =>
    guarded(
      request,
      async () => {
        const admitted = op.scope ? await admit(request, op.scope) : null;
        if (admitted instanceof Response) return admitted;
        let query: unknown = undefined;
        if (op.query) {
          const raw = queryOf(request);
          if (raw instanceof Response) return raw;
          const parsed = op.query.safeParse(raw);
          if (!parsed.success) {
            const issues = zodIssues(parsed.error);
            return apiError(400, 'invalid_request', issues.map((i) => i.message).join('; '), { issues });
          }
          query = parsed.data;
        }
        return body({ request, caller: admitted as Caller, params: await ctx.params, query: query as never });
      },
      op.scope !== null,
    );
  return describe(handler, op);
}

export type WriteAnswer = { status: number; body: unknown };

/** A write: POST/PUT with a JSON body parsed by `schema`, run once per Idempotency-Key. */
export function apiWrite<O extends Operation & { scope: ApiScope; body: z.ZodType }, P = Record<string, never>>(
  op: O,
  body: (ctx: ApiRequestContext<P> & { input: z.output<O['body']>; raw: unknown; idempotencyKey: string; locale: Locale }) => Promise<WriteAnswer>,
): (request: NextRequest, ctx: Ctx<P>) => Promise<Response> {
  const schema = op.body;
  const handler = (request: NextRequest, ctx: Ctx<P>) =>
    guarded(request, async () => {
      const admitted = await admit(request, op.scope);
      if (admitted instanceof Response) return admitted;
      const caller = admitted;
      const key = request.headers.get('idempotency-key');
      if (key === null || !/^[\x21-\x7e]{1,255}$/.test(key))
        return apiError(
          400,
          'idempotency_key_required',
          'Every write needs an Idempotency-Key header: 1 to 255 printable ASCII characters, a new one per write (a UUID).',
        );
      const type = request.headers.get('content-type') ?? '';
      if (!/^application\/json\s*(;|$)/i.test(type)) return apiError(415, 'unsupported_media_type', 'The body must be JSON: Content-Type: application/json.');
      const declared = Number(request.headers.get('content-length') ?? 0);
      if (declared > MAX_BODY_BYTES) return tooLarge();
      const text = await request.text();
      if (Buffer.byteLength(text) > MAX_BODY_BYTES) return tooLarge();
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        return apiError(400, 'invalid_json', 'The body is not valid JSON.');
      }
      const unsafe = unsafeTextAt(raw);
      if (unsafe !== null)
        return apiError(
          422,
          'unsafe_text',
          `${unsafe || '(body)'} holds a character no record can store (a control character such as U+0000, or a lone surrogate).`,
          {
            issues: [{ path: unsafe || '(body)', message: 'unstorable character' }],
          },
        );
      const params = await ctx.params;
      const fingerprint = requestFingerprint(request.method, request.nextUrl.pathname, text);
      const claim = await claimIdempotency(caller.keyId, key, fingerprint);
      if (claim.kind === 'replay') return apiJson(claim.answer.body, claim.answer.status, { 'Idempotency-Replayed': 'true' });
      if (claim.kind === 'mismatch')
        return apiError(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was already used for another request (another path or body). Use a new key for a new write.',
        );
      if (claim.kind === 'in_progress')
        return apiError(409, 'idempotency_key_in_progress', 'A request with this Idempotency-Key is still being answered. Try again in a moment.', {
          headers: { 'Retry-After': '1' },
        });
      let answer: WriteAnswer;
      try {
        const parsed = schema.safeParse(raw);
        const locale = requestLocale(request);
        answer = parsed.success
          ? await body({ request, caller, params, input: parsed.data as z.output<O['body']>, raw, idempotencyKey: key, locale })
          : invalidBody(op, parsed.error, locale);
      } catch (err) {
        if (!(err instanceof DomainError)) {
          await releaseIdempotency(caller.keyId, key).catch(() => {});
          throw err;
        }
        answer = { status: 422, body: { error: { code: err.code, message: err.message } } };
      }
      // Refusals are kept too: the same request with the same key is answered the same way.
      await completeIdempotency(caller.keyId, key, answer);
      return apiJson(answer.body, answer.status);
    });
  return describe(handler, op);
}

/** The language of the refusals' sentences: French when the client asks for it first, else English. */
export function requestLocale(request: NextRequest): Locale {
  return /^\s*fr\b/i.test(request.headers.get('accept-language') ?? '') ? 'fr' : 'en';
}

/**
 * A body that does not fit its schema. Rows of an import are refused as the import page refuses
 * them — each on its line (its position in `rows`, from 1) and column, in the client's language
 * (lib/import/messages.ts) — and anything else with zod's issue and its path.
 */
function invalidBody(op: Operation, error: z.ZodError, locale: Locale): WriteAnswer {
  const rowIssues = op.importKind ? error.issues.filter((i) => i.path[0] === 'rows' && typeof i.path[1] === 'number') : [];
  if (rowIssues.length === 0 || rowIssues.length !== error.issues.length)
    return { status: 422, body: { error: { code: 'invalid_request', message: 'The body does not match the schema (see issues).', issues: zodIssues(error) } } };
  const refusals = rowIssues.flatMap((i) => {
    const line = (i.path[1] as number) + 1;
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => refusal(locale, line, isSafeText(k) ? k.slice(0, 100) : '?', 'unknown_column'));
    return [refusal(locale, line, i.path.length > 2 ? String(i.path[2]) : null, i.message)];
  });
  return rowsRefused(refusals.slice(0, MAX_REFUSALS));
}

/** Rows refused, each with its line and column: nothing was written. */
export function rowsRefused(refusals: ImportRefusal[]): WriteAnswer {
  const lines = new Set(refusals.map((r) => r.line)).size;
  return {
    status: 422,
    body: { error: { code: 'rows_refused', message: `${lines} row${lines === 1 ? '' : 's'} refused: nothing was written (see refusals).`, refusals } },
  };
}

/** The path of the first string (or key) in a JSON value holding text no column can store, or null. */
function unsafeTextAt(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return isSafeText(value) ? null : path;
  if (depth > 20 || typeof value !== 'object' || value === null) return null;
  for (const [k, v] of Object.entries(value)) {
    const at = path ? `${path}.${k}` : k;
    if (!isSafeText(k)) return at;
    const found = unsafeTextAt(v, at, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

function tooLarge(): Response {
  return apiError(413, 'payload_too_large', `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB: send the rows in several requests.`);
}

/** The caller, or the answer that refuses them. */
async function admit(request: NextRequest, scope: ApiScope): Promise<Caller | Response> {
  const header = request.headers.get('authorization');
  const bearer = header === null ? null : BEARER.exec(header.trim());
  const unauthorized = () =>
    apiError(401, 'unauthorized', 'A valid API key is needed: Authorization: Bearer <key>. The key may be unknown or revoked.', {
      headers: { 'WWW-Authenticate': 'Bearer realm="comptoir"' },
    });
  if (!bearer) return unauthorized();
  const limit = apiRateLimit();
  const admitted = await admitApiRequest(bearer[1]!, limit);
  if (!admitted.ok && admitted.reason === 'unknown') return unauthorized();
  if (!admitted.ok)
    return apiError(429, 'rate_limited', `Too many requests for this key: ${limit} a minute. Try again in ${admitted.retryAfterSeconds} s.`, {
      headers: { 'Retry-After': String(admitted.retryAfterSeconds), 'RateLimit-Limit': String(limit), 'RateLimit-Remaining': '0' },
    });
  if (!admitted.caller.scopes.includes(scope)) return apiError(403, 'forbidden', `This key does not have the "${scope}" scope this route needs.`);
  return admitted.caller;
}

/** A lost database is a 503 "try again"; anything else unexpected a 500 with no detail, logged without a query's values. */
async function guarded(request: NextRequest, run: () => Promise<Response>, perRequest = true): Promise<Response> {
  // A keyed route answers per request, never from a build-time render (the description is the same for all).
  if (perRequest) await connection();
  try {
    return await run();
  } catch (err) {
    unstable_rethrow(err); // Next.js's own signals (a render bailing out) are not failures
    if (isDatabaseUnavailable(err)) {
      console.error('database unavailable:', err instanceof Error ? redactQueryParams(err).message : err);
      return apiError(503, 'database_unavailable', 'The shop cannot reach its database right now. Try again in a few seconds.', {
        headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      });
    }
    console.error(`[api] ${request.method} ${request.nextUrl.pathname} failed`, redactQueryParams(err));
    return apiError(500, 'internal_error', 'Something went wrong on our side; it has been logged.');
  }
}
