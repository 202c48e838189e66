import 'server-only';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { isPictureKey } from './paths';
import type { MediaStorage } from './storage';

export type S3Config = { bucket: string; prefix: string; endpoint?: string; region: string; forcePathStyle: boolean };

/**
 * The S3-compatible backend's settings: MEDIA_S3_BUCKET turns it on; MEDIA_S3_ENDPOINT for a
 * non-AWS service (path-style addressing then, as MinIO needs), MEDIA_S3_REGION (default
 * us-east-1), MEDIA_S3_PREFIX. Credentials come the SDK's usual way (AWS_ACCESS_KEY_ID and
 * AWS_SECRET_ACCESS_KEY, or the machine's role), never from here.
 */
export function s3ConfigFromEnv(env: Partial<Record<string, string>>): S3Config | null {
  const bucket = env.MEDIA_S3_BUCKET?.trim();
  if (!bucket) return null;
  return {
    bucket,
    prefix: (env.MEDIA_S3_PREFIX ?? '').replace(/^\/+|\/+$/g, ''),
    endpoint: env.MEDIA_S3_ENDPOINT || undefined,
    region: env.MEDIA_S3_REGION || env.AWS_REGION || 'us-east-1',
    forcePathStyle: Boolean(env.MEDIA_S3_ENDPOINT),
  };
}

/** Whether an SDK error means "no such key" (NoSuchKey, NotFound, or a 404). */
function isMissing(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err instanceof NoSuchKey || e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}

export function s3Storage(
  config: S3Config,
  client = new S3Client({ region: config.region, endpoint: config.endpoint, forcePathStyle: config.forcePathStyle }),
): MediaStorage {
  const objectKey = (key: string) => (config.prefix ? `${config.prefix}/${key}` : key);
  return {
    kind: 's3',
    async put(key, body, contentType) {
      await client.send(
        new PutObjectCommand({
          Bucket: config.bucket,
          Key: objectKey(key),
          Body: body,
          ContentType: contentType,
          CacheControl: 'public, max-age=31536000, immutable',
        }),
      );
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: objectKey(key) }));
        if (!out.Body) return null;
        return { body: Buffer.from(await out.Body.transformToByteArray()), contentType: out.ContentType ?? 'image/webp' };
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    async *list() {
      const start = objectKey('p/');
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: config.bucket, Prefix: start, ContinuationToken: token }));
        for (const o of page.Contents ?? []) {
          const key = o.Key?.slice(start.length - 2);
          if (key && o.LastModified && isPictureKey(key)) yield { key, writtenAt: o.LastModified };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
    async writtenAt(key) {
      try {
        return (await client.send(new HeadObjectCommand({ Bucket: config.bucket, Key: objectKey(key) }))).LastModified ?? null;
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: objectKey(key) }));
    },
  };
}
