import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { folderStorage } from '@/lib/media/folder';
import { setMediaStorage } from '@/lib/media/storage';
import { useTestDatabase } from '@/test/support/db';
import { insertUser } from '@/test/support/fixtures';
import { runImport } from './run';

/*
 * A pictures file naming http(s) addresses (lib/import/remote-pictures.ts): each is fetched,
 * resized and stored like an upload, the product keeps the stored picture's own address, and an
 * address that cannot give a picture is refused on its line's url — nothing of the file written.
 */

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let userId: number;
let dir: string;
let server: http.Server;
let base: string;
const served: string[] = [];

beforeAll(async () => {
  conn = await useTestDatabase();
  userId = await insertUser(conn.db, { email: 'catalogue@example.com', role: 'admin' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-import-media-'));
  setMediaStorage(folderStorage(dir));
  const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#c33' } })
    .jpeg()
    .toBuffer();
  server = http.createServer((req, res) => {
    served.push(req.url ?? '');
    if (req.url === '/photo.jpg') res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(photo);
    else if (req.url === '/moved.jpg') res.writeHead(302, { Location: '/photo.jpg' }).end();
    else if (req.url === '/page.html') res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><p>not a picture</p>');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await runImport({
    kind: 'categories',
    format: 'json',
    body: [{ slug: 'maison', name_fr: 'Maison', name_en: 'Home' }],
    actor: { type: 'seed' },
    locale: 'en',
  });
  await runImport({
    kind: 'products',
    format: 'json',
    body: [{ slug: 'vase-rouge', department: 'maison', brand: 'Atelier', name_fr: 'Vase', name_en: 'Vase', description_fr: 'Vase.', description_en: 'Vase.' }],
    actor: { type: 'seed' },
    locale: 'en',
  });
});

afterEach(() => {
  delete process.env.MEDIA_FETCH_ALLOW_PRIVATE;
});

afterAll(async () => {
  setMediaStorage(undefined);
  await new Promise((resolve) => server?.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
  await conn?.drop();
});

const imagesOf = async () => (await conn.db.execute<{ images: string[] }>(sql`SELECT images FROM products WHERE slug = 'vase-rouge'`)).rows[0]!.images;
const picturesCsv = (...urls: string[]) => ['product,position,url', ...urls.map((u, i) => `vase-rouge,${i},${u}`)].join('\n');
const imp = (body: string, locale: 'en' | 'fr' = 'en', pictureFiles?: Map<string, Uint8Array>) =>
  runImport({ kind: 'pictures', format: 'csv', body, actor: { type: 'user', userId }, locale, pictureFiles });

describe('pictures named by an http(s) address', () => {
  it('are fetched (redirects followed), resized and stored; the product keeps their own address; the same file again changes nothing', async () => {
    process.env.MEDIA_FETCH_ALLOW_PRIVATE = '1';
    const report = await imp(picturesCsv(`${base}/photo.jpg`, '/img/p/vase-1-red.svg', `${base}/moved.jpg`));
    expect(report).toMatchObject({ status: 'applied', refusals: [] });
    const images = await imagesOf();
    expect(images).toHaveLength(3);
    expect(images[0]).toMatch(/^\/media\/p\/[0-9a-f]{32}\/640\.webp$/);
    expect(images[1]).toBe('/img/p/vase-1-red.svg');
    expect(images[2]).toBe(images[0]); // the same bytes behind the redirect: the same stored picture
    expect(fs.existsSync(path.join(dir, images[0]!.replace('/media/', '')))).toBe(true);
    expect(await imp(picturesCsv(`${base}/photo.jpg`, '/img/p/vase-1-red.svg', `${base}/moved.jpg`))).toMatchObject({ status: 'unchanged', changed: 0 });
  });

  it('an address that gives no picture is refused on its line, in the importer’s language, and nothing is written', async () => {
    process.env.MEDIA_FETCH_ALLOW_PRIVATE = '1';
    const before = await imagesOf();
    const report = await imp(picturesCsv(`${base}/gone.jpg`, `${base}/page.html`, `${base}/photo.jpg`), 'fr');
    expect(report.status).toBe('refused');
    expect(report.refusals.map((r) => [r.line, r.column, r.code])).toEqual([
      [2, 'url', 'picture_status'],
      [3, 'url', 'picture_type'],
    ]);
    expect(report.refusals[0]!.message).toBe('L’adresse a répondu 404 : aucune image n’a été récupérée.');
    expect(await imagesOf()).toEqual(before);
  });

  it('an address into a private network is refused without being fetched', async () => {
    const asked = served.length;
    const report = await imp(picturesCsv(`${base}/photo.jpg`));
    expect(report.refusals.map((r) => [r.line, r.column, r.code, r.message])).toEqual([
      [2, 'url', 'picture_private_address', 'Address refused: it leads into a private network.'],
    ]);
    expect(served.length).toBe(asked);
  });

  it('pictures sent with the file are named by their file name: stored like an upload; a name sent without its picture is refused', async () => {
    const side = await sharp({ create: { width: 640, height: 640, channels: 3, background: '#36c' } })
      .png()
      .toBuffer();
    const missing = await imp(picturesCsv('vase-side.png', 'vase-back.jpg'), 'en', new Map([['vase-side.png', side]]));
    expect(missing.refusals.map((r) => [r.line, r.column, r.code, r.message])).toEqual([
      [3, 'url', 'picture_file_missing', 'No picture sent with the file has this name: add “vase-back.jpg” to the upload.'],
    ]);
    const notPicture = await imp(picturesCsv('vase-side.png'), 'en', new Map([['vase-side.png', new TextEncoder().encode('not a picture')]]));
    expect(notPicture.refusals.map((r) => r.code)).toEqual(['picture_type']);
    expect(await imp(picturesCsv('vase-side.png'), 'en', new Map([['vase-side.png', side]]))).toMatchObject({ status: 'applied' });
    const [stored] = await imagesOf();
    expect(stored).toMatch(/^\/media\/p\/[0-9a-f]{32}\/640\.webp$/);
    expect(await imp(picturesCsv('vase-side.png'), 'en', new Map([['vase-side.png', side]]))).toMatchObject({ status: 'unchanged' });
  });
});
