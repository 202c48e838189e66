import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dropDatabase, dropOrphanedTestDatabases, onPostgres, pidNamespace, withAdmin } from './db';

const adminUrl = process.env.TEST_DATABASE_URL ?? '';
const namespace = pidNamespace();

async function databases(names: string[]): Promise<string[]> {
  const { rows } = await withAdmin(adminUrl, (admin) =>
    admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = ANY($1) ORDER BY datname', [names]),
  );
  return rows.map((r) => r.datname);
}

describe.runIf(onPostgres)('test databases a killed run left behind', () => {
  it('are dropped when their process is gone, in this pid namespace only; a live process keeps its own', async () => {
    // A pid that was ours a moment ago and whose process has exited.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    expect(Number(gone)).toBeGreaterThan(0);
    const orphan = `comptoir_t_${namespace}_${gone}_0badc0ffee01`;
    const orphanTemplate = `comptoir_tpl_${namespace}_${gone}_0badc0ffee02_building`;
    const live = `comptoir_t_${namespace}_${process.pid}_0badc0ffee03`;
    const otherNamespace = `comptoir_t_1${namespace}_${gone}_0badc0ffee04`;
    const all = [orphan, orphanTemplate, live, otherNamespace];
    await withAdmin(adminUrl, async (admin) => {
      for (const name of all) await admin.query(`CREATE DATABASE ${name}`);
    });
    try {
      const dropped = await dropOrphanedTestDatabases(adminUrl);
      expect(dropped).toEqual(expect.arrayContaining([orphan, orphanTemplate]));
      expect(dropped).not.toContain(live);
      expect(await databases(all)).toEqual([live, otherNamespace].sort());
    } finally {
      for (const name of all) await dropDatabase(adminUrl, name);
    }
  });

  it('leaves a server on another machine alone: its pids are not ours to judge', async () => {
    expect(await dropOrphanedTestDatabases('postgres://postgres@db.example.invalid:5432/test')).toEqual([]);
  });
});
