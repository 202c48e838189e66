import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { isPictureKey } from './paths';
import type { MediaStorage } from './storage';

/** The data folder's media directory: `.data/media` beside the embedded database (lib/db/client.ts), or MEDIA_DIR. */
export function mediaDir(dir?: string): string {
  return path.resolve(/* turbopackIgnore: true */ dir || path.join(process.cwd(), '.data', 'media'));
}

/**
 * Pictures as files under one folder. A file is written under a temporary name and renamed, so a
 * reader never sees half a picture; keys are checked by the caller (lib/media/paths.ts), and a
 * resolved path must stay inside the folder all the same.
 */
export function folderStorage(dir?: string): MediaStorage {
  const root = mediaDir(dir);
  const file = (key: string) => {
    const full = path.resolve(root, key);
    if (!full.startsWith(root + path.sep)) throw new Error('media key outside the media folder');
    return full;
  };
  const writtenAt = async (key: string) => {
    try {
      return (await fs.stat(file(key))).mtime;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  };
  return {
    kind: 'folder',
    async put(key, body) {
      const target = file(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const partial = `${target}.${randomBytes(4).toString('hex')}.part`;
      await fs.writeFile(partial, body);
      await fs.rename(partial, target);
    },
    async get(key) {
      try {
        return { body: await fs.readFile(file(key)), contentType: key.endsWith('.webp') ? 'image/webp' : 'application/octet-stream' };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async *list() {
      // p/<hash>/<size>.webp: the only keys this app writes (a left-over `.part` is not one).
      let hashes: string[];
      try {
        hashes = await fs.readdir(path.join(root, 'p'));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw err;
      }
      for (const hash of hashes) {
        let names: string[];
        try {
          names = await fs.readdir(path.join(root, 'p', hash));
        } catch {
          continue; // not a folder, or removed meanwhile
        }
        for (const name of names) {
          const key = `p/${hash}/${name}`;
          if (!isPictureKey(key)) continue;
          const at = await writtenAt(key);
          if (at) yield { key, writtenAt: at };
        }
      }
    },
    writtenAt,
    async remove(key) {
      await fs.rm(file(key), { force: true });
      // The picture's folder goes with its last size (a folder not empty stays).
      await fs.rmdir(path.dirname(file(key))).catch(() => {});
    },
  };
}
