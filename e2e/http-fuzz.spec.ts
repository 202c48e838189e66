import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { DEMO_ACCOUNTS } from '../lib/db/seed/users';
import { LOCALE_COOKIE } from '../lib/i18n/config';
import { getDictionary } from '../lib/i18n/dictionary';
import { form, loadActions, Visitor } from './support/action-client';
import { e2eData } from './support/data';

/**
 * Issue 15: no input produces a 5xx, over HTTP as a browser (or anyone) sends it — requests only,
 * no browser page, so it costs seconds. Every server action id of the build is posted:
 *   - `text/plain` bodies (what React sends for arguments that are not a form): `[{},1]` (an object
 *     where the form data belongs), a bare string, invalid JSON, NUL and lone surrogates;
 *   - multipart forms with hostile fields (NUL, control characters, a lone surrogate's bytes,
 *     invalid UTF-8, 200,000 characters, "1e3"), and raw bodies that are no valid multipart;
 * then route handlers and pages with hostile query strings and malformed percent-encoding in their
 * path, and server actions posted from another origin (a 403). Every answer is below 500, and every
 * refusal carries the security headers (next.config.js).
 * Desktop project only (playwright.config.ts lists it with the staff journeys): one run is enough.
 */

const SECURITY_HEADERS = ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy'];

/** What is wrong with an answer: a 5xx, or a refusal without the security headers. */
function problemsOf(res: Response, what: string): string[] {
  if (res.status >= 500) return [`${what}: ${res.status}`];
  if (res.status >= 400) return SECURITY_HEADERS.filter((h) => !res.headers.get(h)).map((h) => `${what}: no ${h} on a ${res.status}`);
  return [];
}

function expectSafe(res: Response, what: string): void {
  expect(problemsOf(res, what)).toEqual([]);
}

/** Runs `jobs` a few at a time: the server shares two cores with everyone else. */
async function inBatches<T>(items: T[], size: number, job: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(job));
}

const FIELDS = [
  'storeId',
  'skuId',
  'orderId',
  'reservationId',
  'quantity',
  'countedOnHand',
  'note',
  'code',
  'orderNumber',
  'email',
  'password',
  'name',
  'address',
  'postcode',
  'town',
  'phone',
  'redeemPoints',
  'windowStartsAt',
  'callbackUrl',
  'idempotencyKey',
];
const HOSTILE = ['a\u0000b', '\u0000', 'x\u001b[2J', '\u007f', '1e3', '0x10', ' 1', '\ufffd', 'é'.repeat(100_000)];

/** A multipart body written by hand: bytes no FormData can hold (invalid UTF-8, a lone surrogate's CESU-8 bytes). */
function rawMultipart(): { type: string; body: Uint8Array } {
  const b = 'fuzzboundary';
  const part = (name: string, bytes: number[]) => [...Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`), ...bytes, 13, 10];
  const body = [
    ...part('name', [0xff, 0xfe, 0x41]),
    ...part('email', [0xed, 0xa0, 0x80]),
    ...part('note', [0x61, 0x00, 0x62]),
    ...part('quantity', [0x31, 0x65, 0x33]),
    ...Buffer.from(`--${b}--\r\n`),
  ];
  return { type: `multipart/form-data; boundary=${b}`, body: Uint8Array.from(body) };
}

function hostileForm(seed: number): FormData {
  const data = new FormData();
  FIELDS.forEach((f, i) => data.append(f, HOSTILE[(i + seed) % HOSTILE.length]!));
  data.append('qty_1\u0000', '1');
  return data;
}

type Body = { label: string; type?: string; body: string | FormData | Uint8Array };
const BODIES: Body[] = [
  { label: 'text/plain [{},1]', type: 'text/plain;charset=UTF-8', body: '[{},1]' },
  { label: 'text/plain "x"', type: 'text/plain;charset=UTF-8', body: '"x"' },
  { label: 'text/plain invalid JSON', type: 'text/plain;charset=UTF-8', body: '[{"a":' },
  { label: 'text/plain React references to nothing', type: 'text/plain;charset=UTF-8', body: '["$K1","$Q2","$@3","$D","$h9"]' },
  { label: 'text/plain NUL and a lone surrogate', type: 'text/plain;charset=UTF-8', body: '[1,"a\\u0000b","\\ud800",{"q":"\\u0000"}]' },
  { label: 'multipart hostile fields', body: hostileForm(0) },
  { label: 'multipart hostile fields (shifted)', body: hostileForm(4) },
  { label: 'multipart raw bytes', ...rawMultipart() },
  { label: 'multipart without a valid body', type: 'multipart/form-data; boundary=nothing', body: '--elsewhere\r\nnot a part' },
  { label: 'octet-stream', type: 'application/octet-stream', body: Uint8Array.from([0, 255, 1, 2]) },
];
/** Over Next.js's 1 MB limit for an action's body: posted to a few actions only (it is slow to send). */
const OVERSIZED: Body = { label: 'text/plain over 1 MB', type: 'text/plain;charset=UTF-8', body: JSON.stringify(['x'.repeat(1_200_000)]) };

// React's own client encoder, as Next ships it (as e2e/support/action-client.ts uses it).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an untyped module path of Next's: require() and a cast type it here
const { encodeReply } = require('next/dist/compiled/react-server-dom-webpack/client.node.js') as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

/** Hostile values a page could really send: the form encoded by React, so it reaches the action itself. */
function hostileValues(seed: number, values: string[]): FormData {
  const data = new FormData();
  FIELDS.forEach((f, i) => data.append(f, values[(i + seed) % values.length]!));
  return data;
}

let staff: Visitor;
let origin: string;

test.beforeAll(async ({ baseURL }) => {
  origin = baseURL!;
  for (const [label, values] of [
    ['React-encoded form: NUL and control characters', ['a\u0000b', '\u0000', 'x\u001b[2J', '\u007f']],
    ['React-encoded form: numbers that are not digits, huge text', ['1e3', '0x10', ' 1', '+1', '\ufffd', 'é'.repeat(100_000), String(2 ** 53), '-1']],
  ] as const) {
    for (const seed of [0, 3]) BODIES.push({ label: `${label} (${seed})`, body: (await encodeReply([{}, hostileValues(seed, [...values])])) as FormData });
  }
  staff = new Visitor(origin);
  expect(await staff.signIn(DEMO_ACCOUNTS.staff.email, DEMO_ACCOUNTS.staff.password)).toBe(true);
});

function pageOf(page: string): string {
  const data = e2eData();
  return page
    .replace('[storeId]', String(data.lyon.id))
    .replace('[slug]', data.browseProductSlug)
    .replace(/\[(\w+)\]/g, 'x');
}

async function post(visitor: Visitor, path: string, id: string | null, body: Body, headers: Record<string, string> = {}): Promise<Response> {
  const h: Record<string, string> = { accept: 'text/x-component', origin, ...headers };
  if (id) h['next-action'] = id;
  if (body.type) h['content-type'] = body.type;
  return visitor.fetch(path, { method: 'POST', headers: h, body: body.body as BodyInit });
}

test('every server action answers hostile bodies without a 5xx, signed out and as staff', async () => {
  test.setTimeout(90_000);
  const actions = [...loadActions().entries()];
  expect(actions.length).toBeGreaterThanOrEqual(35);
  const anonymous = new Visitor(origin);
  // Signing out would end the staff session the rest of the spec needs — and signing out everywhere
  // every session of the demo staff member, other journeys' included: only the signed-out visitor posts to them.
  const endsSessions = (name: string) => name.endsWith('#signOutAction') || name.endsWith('#signOutEverywhereAction');
  const jobs = actions.flatMap(([name, action]) =>
    BODIES.flatMap((body) => (endsSessions(name) ? [anonymous] : [anonymous, staff]).map((who) => ({ name, action, body, who }))),
  );
  const problems: string[] = [];
  await inBatches(jobs, 6, async ({ name, action, body, who }) => {
    const res = await post(who, pageOf(action.page), action.id, body);
    problems.push(...problemsOf(res, `${name} ← ${body.label} (${who === staff ? 'staff' : 'signed out'})`));
    await res.arrayBuffer(); // read to the end: a cancelled stream is logged by the server as an uncaught ECONNRESET
  });
  for (const [name, action] of actions.slice(0, 3)) {
    const res = await post(anonymous, pageOf(action.page), action.id, OVERSIZED);
    problems.push(...problemsOf(res, `${name} ← ${OVERSIZED.label}`));
    await res.arrayBuffer(); // read to the end: a cancelled stream is logged by the server as an uncaught ECONNRESET
  }
  expect(problems).toEqual([]);
});

test('an action body sent without a Content-Length (chunked) is refused with a 413 once over the limit', async () => {
  const [, action] = [...loadActions().entries()].find(([k]) => k.endsWith('#correctCountAction'))!;
  // 32 MB if read whole: the proxy reads at most 1 MB of it (lib/http/action-request.ts readBodyCapped).
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= 32 * 1024 * 1024) return controller.close();
      sent += 64 * 1024;
      controller.enqueue(new Uint8Array(64 * 1024).fill(120));
    },
  });
  const res = await fetch(origin + pageOf(action.page), {
    method: 'POST',
    headers: { accept: 'text/x-component', origin, 'next-action': action.id, 'content-type': 'text/plain;charset=UTF-8' },
    body,
    duplex: 'half',
  } as RequestInit);
  expect(res.status).toBe(413);
  expectSafe(res, 'chunked body over 1 MB');
  await res.arrayBuffer();
});

test("a cached read ('use cache') is not an endpoint: posting to its id answers 404, whatever the body", async () => {
  const cached = [...loadActions().entries()].filter(([name]) => name.includes('#$$RSC_SERVER_CACHE_'));
  expect(cached.length).toBeGreaterThan(0);
  const anonymous = new Visitor(origin);
  for (const [name, action] of cached) {
    // A NUL in a slug reached PostgreSQL (a 500); a lone surrogate failed encodeURIComponent (a 500).
    for (const body of ['["a\\u0000b","fr"]', '["\\ud800","fr"]', '["chaussures","fr"]']) {
      const res = await post(anonymous, pageOf(action.page), action.id, { label: body, type: 'text/plain;charset=UTF-8', body });
      expect(res.status, `${name} ← ${body}`).toBe(404);
      expectSafe(res, `${name} ← ${body}`);
      await res.arrayBuffer();
    }
  }
});

test('a server action from another origin is refused with a 403, and its security headers', async () => {
  const actions = loadActions();
  const signIn = actions.get('[locale]/(shop)/sign-in/sign-in-action.ts#signInAction')!;
  const count = [...actions.entries()].find(([k]) => k.endsWith('#correctCountAction'))![1];
  const form = { label: 'multipart', body: hostileForm(2) };
  for (const evil of ['https://evil.example', 'null', 'http://[', `${origin}.evil.example`]) {
    for (const action of [signIn, count]) {
      const res = await post(
        staff,
        pageOf(action.page),
        action.id,
        { label: 'text', type: 'text/plain;charset=UTF-8', body: '[{},1]' },
        { origin: evil, 'sec-fetch-site': 'same-origin' },
      );
      expect(res.status, `${action.page} from ${evil}`).toBe(403);
      expectSafe(res, `${action.page} from ${evil}`);
    }
    // A form posted without JavaScript (no Next-Action header): Next.js treats it as an action too.
    const res = await post(staff, '/sign-in', null, form, { origin: evil });
    expect(res.status, `no-JS form from ${evil}`).toBe(403);
    expectSafe(res, `no-JS form from ${evil}`);
  }
});

test('a form action answers a hostile request with its own refusal, over HTTP as React sends it', async () => {
  const { common } = getDictionary('en');
  const actions = loadActions();
  const signUp = actions.get('[locale]/(shop)/sign-up/sign-up-action.ts#signUpAction')!;
  const count = [...actions.entries()].find(([k]) => k.endsWith('#correctCountAction'))![1];
  const anonymous = new Visitor(origin);
  for (const v of [anonymous, staff]) v.cookies.set(LOCALE_COOKIE, 'en');
  // The sign-up of issue 15: a NUL in the name reached PostgreSQL (a 500, and the hash in the log).
  const nul = await anonymous.call(signUp, [{}, form({ name: 'Léa\u0000', email: `nul-${Date.now()}@example.com`, password: 'long-enough-42' })]);
  expect(nul).toMatchObject({ status: 200, value: { ok: false, message: common.unsafeText } });
  // `[{},1]`: an object where the form data belongs ("b.get is not a function", a 500).
  for (const action of [signUp, count]) {
    const who = action === count ? staff : anonymous;
    const answer = await who.call(action, [{}, 1], { storeId: e2eData().lyon.id });
    expect(answer, action.page).toMatchObject({ status: 200, value: { ok: false, message: common.invalidRequest } });
  }
  // A stock count of "1e3" is not 1,000.
  const typed = await staff.call(
    count,
    [{}, form({ storeId: e2eData().lyon.id, skuId: e2eData().reservedSku.skuId, idempotencyKey: crypto.randomUUID(), countedOnHand: '1e3' })],
    { storeId: e2eData().lyon.id },
  );
  expect(typed).toMatchObject({ status: 200, value: { ok: false, message: expect.stringMatching(/digits only/) } });
});

const MALFORMED_PATHS = [
  '/img/p/%ff',
  '/api/auth/%ff',
  '/api/auth/callback/%ff',
  '/img/p/%E0%A4%A',
  '/api/staff/stores/%ff/drive',
  '/api/staff/stores/%ff/drive/stream',
  '/api/availability/%C0%AF',
  '/p/%ff',
  '/c/%ff',
  '/stores/%E0%A4',
  '/staff/stores/%ff',
  '/account/orders/%ff/return',
  '/account/returns/%ff',
];
const HOSTILE_QUERIES = [
  '/api/returns/desks?q=%00',
  '/api/returns/desks?q=a%01b',
  '/api/returns/desks?q=%ff',
  '/api/returns/windows?store=%00&from=%00',
  '/api/availability?sku=%00&store=1',
  '/api/availability?sku=1e3&store=0x10',
  '/api/drive/slots?store=%00',
  '/api/search/suggest?q=%00&locale=fr',
  '/api/search/suggest?q=%ff%fe&locale=en',
  '/api/locale?to=%00',
  '/api/stores/basemap-svg?v=%00',
  '/api/staff/stores/1/drive?part=%00',
  '/search?q=%00',
  '/search?q=shoe%00',
  '/search?q=%1b%5b2J',
  '/stores?near=%00',
  '/stores?near=69%00&lat=%00',
  '/sign-in?callbackUrl=%00',
];

test('route handlers and pages: malformed paths answer 400, hostile query strings no 5xx, all with security headers', async () => {
  for (const path of MALFORMED_PATHS) {
    for (const who of [new Visitor(origin), staff]) {
      const res = await who.fetch(path);
      expect(res.status, path).toBe(400);
      expectSafe(res, path);
      await res.arrayBuffer(); // read to the end: a cancelled stream is logged by the server as an uncaught ECONNRESET
    }
  }
  await inBatches(HOSTILE_QUERIES, 4, async (path) => {
    const res = await staff.fetch(path);
    expectSafe(res, path);
    // NUL and other control characters in a query are refused at the door, with a 400.
    if (/%0[0-9a-f]|%1[0-9a-f]/i.test(path)) expect(res.status, path).toBe(400);
    await res.arrayBuffer(); // read to the end: a cancelled stream is logged by the server as an uncaught ECONNRESET
  });
});

test('any bytes, percent-encoded into a path or a query: no 5xx', async () => {
  const bytes = fc.uint8Array({ minLength: 1, maxLength: 6 }).map((a) => [...a].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
  const where = fc.constantFrom(
    '/img/p/',
    '/api/staff/stores/',
    '/p/',
    '/search?q=',
    '/stores?near=',
    '/api/returns/desks?q=',
    '/api/search/suggest?locale=fr&q=',
  );
  await fc.assert(
    fc.asyncProperty(where, bytes, async (prefix, encoded) => {
      const res = await staff.fetch(prefix + encoded);
      expectSafe(res, prefix + encoded);
      await res.arrayBuffer(); // read to the end: a cancelled stream is logged by the server as an uncaught ECONNRESET
    }),
    { numRuns: 40 },
  );
});

test('the store list’s plain form (POST /api/my-store): any body is a 303 back or a 4xx, a post from another site a 403', async () => {
  const { lyon } = e2eData();
  const type = fc.constantFrom(
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'multipart/form-data',
    'text/plain',
    'application/json',
    '',
  );
  const body = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    fc.string().map((s) => `storeId=${encodeURIComponent(s)}`),
    fc.constantFrom(
      `storeId=${lyon.id}`,
      'storeId=1e3',
      'storeId=%00',
      `--x\r\nContent-Disposition: form-data; name="storeId"\r\n\r\n${lyon.id}\r\n--x--`,
      'x'.repeat(10_000),
    ),
  );
  await fc.assert(
    fc.asyncProperty(type, body, async (contentType, sent) => {
      const res = await new Visitor(origin).fetch('/api/my-store', {
        method: 'POST',
        body: sent,
        headers: contentType ? { 'content-type': contentType, referer: `${origin}/en/stores` } : { referer: `${origin}/en/stores` },
      });
      expectSafe(res, `POST /api/my-store ${contentType}`);
      expect([303, 400, 404, 413], `POST /api/my-store ${contentType}`).toContain(res.status);
      await res.arrayBuffer();
    }),
    { numRuns: 60 },
  );
  const form = `storeId=${lyon.id}`;
  const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };
  const sameSite = await new Visitor(origin).fetch('/api/my-store', {
    method: 'POST',
    body: form,
    headers: { ...urlencoded, 'sec-fetch-site': 'same-origin', referer: `${origin}/en/stores` },
  });
  expect(sameSite.status).toBe(303);
  expect(sameSite.headers.get('location')).toBe('/en/stores');
  expect(sameSite.headers.getSetCookie().join()).toContain(`my_store=${lyon.id}`);
  const crossSite = await new Visitor(origin).fetch('/api/my-store', {
    method: 'POST',
    body: form,
    headers: { ...urlencoded, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
  });
  expect(crossSite.status).toBe(403);
  expect(crossSite.headers.getSetCookie()).toEqual([]);
  expectSafe(crossSite, 'POST /api/my-store from another site');
});
