import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { s3ConfigFromEnv, s3Storage } from './s3';

/** An S3 client that keeps objects in a map, answering as the SDK does (NoSuchKey for a missing key). */
function fakeClient() {
  const objects = new Map<string, { body: Buffer; contentType?: string; cacheControl?: string }>();
  const client = {
    async send(command: PutObjectCommand | GetObjectCommand) {
      const input = command.input as { Bucket: string; Key: string; Body?: Buffer; ContentType?: string; CacheControl?: string };
      const id = `${input.Bucket}/${input.Key}`;
      if (command instanceof PutObjectCommand) {
        objects.set(id, { body: input.Body!, contentType: input.ContentType, cacheControl: input.CacheControl });
        return {};
      }
      const found = objects.get(id);
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
    });
    expect(await storage.get('p/abc/640.webp')).toEqual({ body: Buffer.from('webp bytes'), contentType: 'image/webp' });
    expect(await storage.get('p/abc/320.webp')).toBeNull();
  });
});
