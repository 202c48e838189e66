import 'server-only';
import { folderStorage } from './folder';
import { s3Storage, s3ConfigFromEnv } from './s3';

/**
 * Where uploaded pictures are kept: a folder under the app's data folder by default
 * (MEDIA_DIR, default .data/media), or an S3-compatible bucket when MEDIA_S3_BUCKET is set
 * (AWS S3, MinIO, Scaleway, R2…; docs/deploying.md). Keys are content-addressed and written once.
 */
export interface MediaStorage {
  readonly kind: 'folder' | 's3';
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The stored bytes, or null when there is no such key. */
  get(key: string): Promise<{ body: Buffer; contentType: string } | null>;
  /** Every stored picture's key (lib/media/paths.ts) and when it was last written. */
  list(): AsyncIterable<{ key: string; writtenAt: Date }>;
  /** When a key was last written, or null when there is no such key: asked again just before a removal. */
  writtenAt(key: string): Promise<Date | null>;
  /** Removes a key; a key already gone is not an error. */
  remove(key: string): Promise<void>;
}

let current: MediaStorage | undefined;

export function getMediaStorage(env: Partial<Record<string, string>> = process.env): MediaStorage {
  if (current) return current;
  const s3 = s3ConfigFromEnv(env);
  current = s3 ? s3Storage(s3) : folderStorage(env.MEDIA_DIR);
  return current;
}

/** For tests: use this storage (undefined: the one the environment says). */
export function setMediaStorage(storage: MediaStorage | undefined): void {
  current = storage;
}
