import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * next-auth needs AUTH_SECRET under `next start`. So that `npm start` works on a fresh clone with
 * no configuration, the first run writes a random secret to .env.local (git-ignored, read by Next).
 * A secret set in the environment always wins; an existing .env.local secret is kept.
 */
export function ensureAuthSecret(root = process.cwd()): 'env' | 'file' | 'created' {
  if (process.env.AUTH_SECRET) return 'env';
  const file = path.join(root, '.env.local');
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (/^AUTH_SECRET=.+/m.test(existing)) return 'file';
  const line = `AUTH_SECRET=${randomBytes(32).toString('base64url')}\n`;
  fs.writeFileSync(file, existing && !existing.endsWith('\n') ? `${existing}\n${line}` : existing + line, { mode: 0o600 });
  return 'created';
}
