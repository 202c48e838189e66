import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { s3ConfigFromEnv, s3Storage } from './s3';

/**
 * An S3 client that keeps objects in a map, answering as the SDK does (NoSuchKey for a missing key,
 * NotFound for a missing HEAD, a list in pages of `pageSize` in key order).
 */
function fakeClient(pageSize = 1000) {
  const objects = new Map<string, { body: Buffer; contentType?: string; cacheControl?: string; lastModified: Date }>();
  const client = {
    async send(command: PutObjectCommand | GetObjectCommand | HeadObjectCommand | DeleteObjectCommand | ListObjectsV2Command) {
      if (command instanceof ListObjectsV2Command) {
        const { Bucket, Prefix = '', ContinuationToken } = command.input;
        const keys = [...objects.keys()]
          .filter((id) => id.startsWith(`${Bucket}/${Prefix}`))
          .map((id) => id.slice(Bucket!.length + 1))
          .sort();
        const from = ContinuationToken ? Number(ContinuationToken) : 0;
        const page = keys.slice(from, from + pageSize);
        const more = from + pageSize < keys.length;
        return {
          Contents: page.map((Key) => ({ Key, LastModified: objects.get(`${Bucket}/${Key}`)!.lastModified })),
          IsTruncated: more,
          NextContinuationToken: more ? String(from + pageSize) : undefined,
        };
      }
      const input = command.input as { Bucket: string; Key: string; Body?: Buffer; ContentType?: string; CacheControl?: string };
      const id = `${input.Bucket}/${input.Key}`;
      if (command instanceof PutObjectCommand) {
        objects.set(id, { body: input.Body!, contentType: input.ContentType, cacheControl: input.CacheControl, lastModified: new Date() });
        return {};
      }
      if (command instanceof DeleteObjectCommand) {
        objects.delete(id); // S3 answers 204 for a key that is not there too
        return {};
      }
      const found = objects.get(id);
      if (command instanceof HeadObjectCommand) {
        if (!found) throw new NotFound({ message: 'Not Found', $metadata: { httpStatusCode: 404 } });
        return { LastModified: found.lastModified };
      }
      if (!found) throw new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } });
      return { ContentType: found.contentType, Body: { transformToByteArray: async () => new Uint8Array(found.body) } };
    },
  };
  return { objects, client: client as unknown as S3Client };
}

describe('the S3-compatible picture storage', () => {
  it('is chosen by MEDIA_S3_BUCKET; another service by its endpoint (path-style), with a prefix', () => {
    expect(s3ConfigFromEnv({})).toBeNull();
    expect(s3ConfigFromEnv({ MEDIA_S3_BUCKET: 'shop-media' })).toEqual({
      bucket: 'shop-media',
      prefix: '',
      endpoint: undefined,
      region: 'us-east-1',
      forcePathStyle: false,
    });
    expect(
      s3ConfigFromEnv({ MEDIA_S3_BUCKET: 'm', MEDIA_S3_ENDPOINT: 'https://s3.fr-par.scw.cloud', MEDIA_S3_REGION: 'fr-par', MEDIA_S3_PREFIX: '/comptoir/' }),
    ).toEqual({ bucket: 'm', prefix: 'comptoir', endpoint: 'https://s3.fr-par.scw.cloud', region: 'fr-par', forcePathStyle: true });
  });

  it('writes a picture under its key (prefixed), typed and cached for good, and reads it back; a missing key is null', async () => {
    const { objects, client } = fakeClient();
    const storage = s3Storage({ bucket: 'm', prefix: 'comptoir', region: 'fr-par', forcePathStyle: true }, client);
    await storage.put('p/abc/640.webp', Buffer.from('webp bytes'), 'image/webp');
    expect(objects.get('m/comptoir/p/abc/640.webp')).toEqual({
      body: Buffer.from('webp bytes'),
      contentType: 'image/webp',
      cacheControl: 'public, max-age=31536000, immutable',
      lastModified: expect.any(Date),
    });
    expect(await storage.get('p/abc/640.webp')).toEqual({ body: Buffer.from('webp bytes'), contentType: 'image/webp' });
    expect(await storage.get('p/abc/320.webp')).toBeNull();
  });

  it('lists its pictures over every page (under its prefix, nothing else), tells when a key was written, and removes keys', async () => {
    const { objects, client } = fakeClient(2);
    const storage = s3Storage({ bucket: 'm', prefix: 'comptoir', region: 'fr-par', forcePathStyle: true }, client);
    const a = 'a'.repeat(32);
    const b = 'b'.repeat(32);
    for (const key of [`p/${a}/320.webp`, `p/${a}/640.webp`, `p/${b}/640.webp`]) await storage.put(key, Buffer.from(key), 'image/webp');
    objects.set('m/comptoir/p/notes.txt', { body: Buffer.from(''), lastModified: new Date() }); // not a key this app writes
    objects.set('m/other/p/' + a + '/640.webp', { body: Buffer.from(''), lastModified: new Date() }); // another prefix
    const listed: string[] = [];
    for await (const { key, writtenAt } of storage.list()) {
      expect(writtenAt).toBeInstanceOf(Date);
      listed.push(key);
    }
    expect(listed).toEqual([`p/${a}/320.webp`, `p/${a}/640.webp`, `p/${b}/640.webp`]);
    expect(await storage.writtenAt(`p/${b}/640.webp`)).toBeInstanceOf(Date);
    await storage.remove(`p/${b}/640.webp`);
    await storage.remove(`p/${b}/640.webp`); // gone already: not an error
    expect(await storage.writtenAt(`p/${b}/640.webp`)).toBeNull();
    expect(objects.has('m/comptoir/p/' + b + '/640.webp')).toBe(false);
  });
});
