import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/media/[...key]/route';
import { folderStorage } from './folder';
import { pictureSrcSet } from './paths';
import { PictureRefusedError, storePicture } from './pictures';
import { setMediaStorage } from './storage';

let dir: string;
const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#2a7' } })
    .png()
    .toBuffer();
const get = (url: string) => GET(new Request(`http://shop.test${url}`), { params: Promise.resolve({ key: url.replace(/^\/media\//, '').split('/') }) });

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-media-'));
  setMediaStorage(folderStorage(dir));
});
afterAll(() => {
  setMediaStorage(undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('picture uploads', () => {
  it('stores a photo in the shop’s three sizes, square, as WebP, named by its content', async () => {
    const bytes = await png(900, 600);
    const url = await storePicture(bytes);
    expect(url).toMatch(/^\/media\/p\/[0-9a-f]{32}\/640\.webp$/);
    expect(await storePicture(bytes)).toBe(url); // the same picture, the same address
    for (const size of [320, 640, 1280]) {
      const meta = await sharp(fs.readFileSync(path.join(dir, url.replace('/media/', '').replace('640', String(size))))).metadata();
      expect(meta).toMatchObject({ format: 'webp', width: size, height: size });
    }
    expect(pictureSrcSet(url)).toBe(['320', '640', '1280'].map((s) => `${url.replace('640', s)} ${s}w`).join(', '));
    expect(pictureSrcSet('/img/p/chaussures-1-navy.svg')).toBeUndefined();
  });

  it('refuses what is not a JPEG, PNG or WebP (read from the bytes), too small, too large or empty', async () => {
    const reason = (p: Promise<unknown>) =>
      p.then(
        () => 'stored',
        (err: PictureRefusedError) => err.reason,
      );
    expect(await reason(storePicture(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')))).toBe('type');
    expect(
      await reason(
        storePicture(
          await sharp({ create: { width: 500, height: 500, channels: 3, background: '#000' } })
            .gif()
            .toBuffer(),
        ),
      ),
    ).toBe('type');
    expect(await reason(storePicture(await png(300, 800)))).toBe('too_small');
    expect(await reason(storePicture(Buffer.alloc(8 * 1024 * 1024 + 1)))).toBe('too_large');
    expect(await reason(storePicture(Buffer.alloc(0)))).toBe('missing');
  });

  it('serves a stored size over HTTP for good (immutable, its type, nosniff); any other key is a 404', async () => {
    const url = await storePicture(await png(800, 800));
    const res = await get(url.replace('640', '320'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).width).toBe(320);
    for (const bad of [
      '/media/p/0123456789abcdef0123456789abcdef/640.webp',
      '/media/../../etc/passwd',
      '/media/p/x/640.webp',
      '/media/p/0123456789abcdef0123456789abcdef/500.webp',
    ]) {
      expect((await get(bad)).status, bad).toBe(404);
    }
  });
});
