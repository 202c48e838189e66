import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquirePgliteLock, DatabaseLockedError, EMPTY_LOCK_GRACE_MS } from './client';
import { createTestConnection } from '@/test/support/db';

describe('PGlite folder lock', () => {
  it('refuses a second live process on the same folder, loudly', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-lock-'));
    const dataDir = path.join(dir, 'db');
    const release = acquirePgliteLock(dataDir);
    try {
      // Another process tries the same folder while we hold it.
      const child = spawnSync(
        process.execPath,
        [
          '-e',
          `const fs=require('fs');try{fs.openSync(${JSON.stringify(`${dataDir}.lock`)},'wx');process.exit(0)}catch(e){process.exit(e.code==='EEXIST'?3:1)}`,
        ],
        { encoding: 'utf8' },
      );
      expect(child.status).toBe(3);
      // A lock held by a live process other than us is an error with a clear message.
      fs.writeFileSync(`${dataDir}.lock`, String(process.ppid));
      expect(() => acquirePgliteLock(dataDir)).toThrow(DatabaseLockedError);
      expect(() => acquirePgliteLock(dataDir)).toThrow(/lose committed writes silently/);
    } finally {
      fs.rmSync(`${dataDir}.lock`, { force: true });
      release();
    }
  });

  it('is one lock for one folder, whatever path names it (a symbolic link to it, a linked parent)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-lock-'));
    const dataDir = path.join(dir, 'db');
    fs.mkdirSync(dataDir);
    fs.symlinkSync(dataDir, path.join(dir, 'link'));
    fs.symlinkSync(dir, `${dir}-parent-link`);
    // Held by another live process, under the folder's real name.
    fs.writeFileSync(`${dataDir}.lock`, String(process.ppid));
    try {
      expect(() => acquirePgliteLock(path.join(dir, 'link'))).toThrow(DatabaseLockedError);
      expect(() => acquirePgliteLock(path.join(`${dir}-parent-link`, 'db'))).toThrow(DatabaseLockedError);
      expect(fs.existsSync(path.join(dir, 'link.lock'))).toBe(false);
    } finally {
      fs.rmSync(`${dir}-parent-link`, { force: true });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes over a lock left by a dead process', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-lock-'));
    const dataDir = path.join(dir, 'db');
    fs.writeFileSync(`${dataDir}.lock`, '999999999');
    const release = acquirePgliteLock(dataDir);
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('an empty lock file is a holder still writing its pid, not a stale lock', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-lock-'));
    const dataDir = path.join(dir, 'db');
    fs.writeFileSync(`${dataDir}.lock`, '');
    const started = Date.now();
    expect(() => acquirePgliteLock(dataDir)).toThrow(/in another process \(it is still writing its pid/);
    // It waited for the pid a moment rather than deciding at once, and left the holder's file alone.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toBe('');
  });

  it('an empty lock file that gets its pid while we wait names that process', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-lock-'));
    const dataDir = path.join(dir, 'db');
    fs.writeFileSync(`${dataDir}.lock`, '');
    // A live process (our parent stands in for it) finishes writing its pid 300 ms in. A shell, not
    // a second Node.js: on a loaded machine Node's own start took longer than the 1 s we wait.
    spawn('sh', ['-c', 'sleep 0.3; printf %s "$1" > "$2"', 'sh', String(process.ppid), `${dataDir}.lock`]);
    expect(() => acquirePgliteLock(dataDir)).toThrow(new RegExp(`already open in process ${process.ppid}\\.`));
  });

  it('an empty lock file older than the grace period is stale (its writer died in between)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-lock-'));
    const dataDir = path.join(dir, 'db');
    fs.writeFileSync(`${dataDir}.lock`, '');
    const old = new Date(Date.now() - EMPTY_LOCK_GRACE_MS - 5_000);
    fs.utimesSync(`${dataDir}.lock`, old, old);
    const release = acquirePgliteLock(dataDir);
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });
});

describe('schema invariants', () => {
  let conn: Awaited<ReturnType<typeof createTestConnection>>;
  beforeAll(async () => {
    conn = await createTestConnection();
    await conn.db.execute(sql`INSERT INTO locations (id, code, kind, name) VALUES (1, 'WEB', 'warehouse', 'Web')`);
    await conn.db.execute(sql`INSERT INTO categories (id, slug, name_fr, name_en) VALUES (1, 'c', 'C', 'C')`);
    await conn.db.execute(
      sql`INSERT INTO products (id, slug, category_id, brand, name_fr, name_en, description_fr, description_en, images)
          VALUES (1, 'p', 1, 'B', 'Chaussures de course', 'Running shoes', '', '', '[]')`,
    );
    await conn.db.execute(sql`INSERT INTO skus (id, product_id, ean13, price_cents) VALUES (1, 1, '4006381333931', 1000)`);
  });
  afterAll(async () => conn?.drop());

  it('refuses reserved > on_hand and negative reserved', async () => {
    await conn.db.execute(sql`INSERT INTO stock (location_id, sku_id, on_hand, reserved) VALUES (1, 1, 2, 1)`);
    await expect(conn.db.execute(sql`UPDATE stock SET reserved = 3 WHERE sku_id = 1`)).rejects.toThrow();
    await expect(conn.db.execute(sql`UPDATE stock SET reserved = -1 WHERE sku_id = 1`)).rejects.toThrow();
  });

  it('finds the same product in French and in English', async () => {
    for (const [cfg, q] of [
      ['french', 'chaussures'],
      ['english', 'shoes'],
    ] as const) {
      const r = await conn.db.execute<{ id: number }>(sql`SELECT id FROM products WHERE search @@ websearch_to_tsquery(${cfg}::regconfig, ${q})`);
      expect(r.rows.map((row) => row.id)).toEqual([1]);
    }
  });
});
