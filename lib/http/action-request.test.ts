import { describe, expect, it } from 'vitest';
import { ACTION_BODY_LIMIT, actionBodyLimit, checkActionBody, isCachedFunctionId, PICTURE_ACTION_BODY_LIMIT, readBodyCapped } from './action-request';

const text = (s: string) => new TextEncoder().encode(s);
const TEXT = 'text/plain;charset=UTF-8';

async function multipart(form: FormData): Promise<[string, Uint8Array]> {
  const req = new Request('http://x/', { method: 'POST', body: form });
  return [req.headers.get('content-type')!, new Uint8Array(await req.arrayBuffer())];
}

/** What React's encodeReply sends for a form action: the state and a "$K1" reference to the fields. */
function reactForm(fields: Record<string, string>, root = '[{},"$K1"]'): FormData {
  const form = new FormData();
  form.append('0', root);
  for (const [k, v] of Object.entries(fields)) form.append(`1_${k}`, v);
  return form;
}

describe('a server action body, checked before Next.js decodes it', () => {
  it.each(['[]', '[{},1]', '[1,"a\\u0000b","\\ud800"]', '["$$x","$undefined","$NaN","$Infinity","$-0","$D2026-01-01T00:00:00.000Z","$n123"]'])(
    'lets through the arguments React sends as text: %s',
    async (body) => {
      expect(await checkActionBody(TEXT, text(body), true)).toEqual({ ok: true });
    },
  );

  it.each([
    ['"x"', /not a list/],
    ['{"a":1}', /not a list/],
    ['[{"a":', /not valid JSON/],
    ['', /not valid JSON/],
    ['["$@3"]', /kind no page here sends/],
    ['["$Q2"]', /kind no page here sends/],
    ['["$h9"]', /kind no page here sends/],
    ['["$T"]', /kind no page here sends/],
    ['["$"]', /kind no page here sends/],
    ['["$1"]', /does not hold/],
    ['[{"deep":["$a:b"]}]', /does not hold/],
    ['["$n1e3"]', /big integer/],
    ['\ufeff[]', /not valid JSON/], // Next.js keeps a byte-order mark, and JSON.parse fails on it
  ])('refuses the text body %s with a 400', async (body, reason) => {
    const verdict = await checkActionBody(TEXT, text(body), true);
    expect(verdict).toMatchObject({ ok: false, status: 400 });
    expect(verdict.ok ? '' : verdict.reason).toMatch(reason);
  });

  it('refuses a body over the 1 MB limit with a 413', async () => {
    expect(await checkActionBody(TEXT, new Uint8Array(ACTION_BODY_LIMIT + 1), true)).toMatchObject({ ok: false, status: 413 });
  });

  it('lets only the back office’s product and imports pages post up to 9 MB (their pictures); every other page stays at 1 MB', () => {
    expect(actionBodyLimit('/admin/products/83')).toBe(PICTURE_ACTION_BODY_LIMIT);
    expect(actionBodyLimit('/admin/imports')).toBe(PICTURE_ACTION_BODY_LIMIT);
    for (const path of ['/admin/products', '/admin/products/83/x', '/admin/imports/4', '/p/veste', '/checkout', '/staff/stores/1/till', '/admin'])
      expect(actionBodyLimit(path), path).toBe(ACTION_BODY_LIMIT);
  });

  it('lets through a form as React sends it, outlined models included', async () => {
    expect(await checkActionBody(...(await multipart(reactForm({ email: 'a@b.c', note: 'x\u0000' }))), true)).toEqual({ ok: true });
    const outlined = reactForm({}, '[{"a":"$1"},"$K2"]');
    outlined.append('1', '{"b":["$$1"]}');
    expect(await checkActionBody(...(await multipart(outlined)), true)).toEqual({ ok: true });
  });

  it.each([
    [
      'no arguments part',
      () => {
        const f = new FormData();
        f.append('email', 'a@b.c');
        return f;
      },
      /no arguments/,
    ],
    ['a NUL in a field name', () => reactForm({ 'qty_1\u0000': '1' }), /field name/],
    ['a root that is no list', () => reactForm({}, '"x"'), /not a list/],
    ['a reference to no part', () => reactForm({}, '[{},"$3"]'), /does not hold/],
  ])('refuses a multipart body with %s', async (_label, make, reason) => {
    const verdict = await checkActionBody(...(await multipart(make())), true);
    expect(verdict.ok ? '' : verdict.reason).toMatch(reason);
  });

  it('refuses a body that is no multipart, with or without a Next-Action header', async () => {
    for (const isFetch of [true, false])
      expect(await checkActionBody('multipart/form-data; boundary=x', text('--y\r\nnope'), isFetch)).toMatchObject({ ok: false, status: 400 });
  });

  it('leaves a form posted without JavaScript, and a non-action POST, to Next.js', async () => {
    const form = new FormData();
    form.append('$ACTION_ID_abc', '');
    expect(await checkActionBody(...(await multipart(form)), false)).toEqual({ ok: true });
    expect(await checkActionBody('application/x-www-form-urlencoded', text('a=b'), false)).toEqual({ ok: true });
  });
});

describe("a 'use cache' function's id", () => {
  // Ids as the build names them (server-reference-manifest.json): the first byte says which kind.
  const cached = ['e0f0a2b0d31334d3df503a17630074a89e87331076', 'c0972f8f2ac60b3f1c9f0f8a65a5a5e311d7c2ca0b'];
  const actions = ['7f1d2c3b4a5968778695a4b3c2d1e0f1a2b3c4d5e6', '000099ca8513823060a1d9fcf6427905f365090307', '60aabbccddeeff00112233445566778899aabbccdd'];

  it('is told from a server action’s, and anything else is not one', () => {
    for (const id of cached) expect(isCachedFunctionId(id), id).toBe(true);
    for (const id of [...actions, '', 'e0', `${cached[0]}0`, 'zz'.repeat(21)]) expect(isCachedFunctionId(id), id).toBe(false);
  });

  it('is refused (404) when a form posted without JavaScript names it', async () => {
    const form = new FormData();
    form.append(`$ACTION_ID_${cached[0]}`, '');
    form.append('slug', 'a\u0000b');
    const [type, body] = await multipart(form);
    expect(await checkActionBody(type, body, false)).toMatchObject({ ok: false, status: 404 });
    const plain = new FormData();
    plain.append(`$ACTION_ID_${actions[0]}`, '');
    const [type2, body2] = await multipart(plain);
    expect(await checkActionBody(type2, body2, false)).toEqual({ ok: true });
  });
});

describe('a body sent without a Content-Length (chunked)', () => {
  /** A body of `chunks` chunks of 64 kB, counting how many the reader pulled. */
  function chunked(chunks: number) {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled === chunks) return controller.close();
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(65));
      },
    });
    return { stream, pulled: () => pulled };
  }

  it('is read whole when it stays within the limit', async () => {
    const body = chunked(4);
    const bytes = await readBodyCapped(body.stream, ACTION_BODY_LIMIT);
    expect(bytes?.byteLength).toBe(4 * 64 * 1024);
    expect(bytes?.every((b) => b === 65)).toBe(true);
  });

  it('stops reading as soon as it is over the limit: a gigabyte is not held in memory', async () => {
    const body = chunked(16 * 1024); // 1 GB if read whole
    expect(await readBodyCapped(body.stream, ACTION_BODY_LIMIT)).toBeNull();
    expect(body.pulled()).toBeLessThanOrEqual(ACTION_BODY_LIMIT / (64 * 1024) + 2);
  });

  it('returns at once from a tee branch, whose cancel waits for the other branch (a request clone)', async () => {
    const [branch, kept] = chunked(64).stream.tee();
    const result = await Promise.race([readBodyCapped(branch, 1024 * 1024), new Promise((r) => setTimeout(() => r('hung'), 2_000))]);
    expect(result).toBeNull();
    await kept.cancel();
  });

  it('reads no body as an empty one', async () => {
    expect((await readBodyCapped(null, ACTION_BODY_LIMIT))?.byteLength).toBe(0);
  });
});
