import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/index.js';
import { Client } from '../client.js';
import { createTestStore, databases, startTestApp } from '../harness.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'ruche-cli-'));
const env = {
  ...process.env,
  SQLITE_PATH: join(dir, 'ruche.db'),
  LOG_LEVEL: 'silent',
  RUCHE_DEMO: '0',
};
const ruche = (...args: string[]) => run('node', ['bin/ruche.js', ...args], { env });

describe('ruche CLI', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates, creates an admin and a token that the API accepts', async () => {
    expect((await ruche('migrate')).stdout).toContain('Applied: 001_core, 002_search');
    expect((await ruche('migrate')).stdout).toContain('up to date');
    const admin = await ruche(
      'create-admin',
      '--email',
      'Chef@Example.test',
      '--name',
      'Chef',
      '--password',
      'long-enough-password',
    );
    expect(admin.stdout).toMatch(/Admin created/);
    const token = (
      await ruche('token', 'create', '--email', 'chef@example.test', '--name', 'ci')
    ).stdout.trim();
    expect(token).toMatch(/^ruche_/);
    await expect(
      ruche('create-admin', '--email', 'x@example.test', '--password', 'short'),
    ).rejects.toThrow(/10 characters/);
    const { openStore } = await import('../../src/db/index.js');
    const store = openStore({ kind: 'sqlite', path: env.SQLITE_PATH });
    const t = await startTestApp('sqlite', {}, { store, drop: () => store.close() });
    try {
      const me = await new Client(t.url).api<{ user: { isAdmin: boolean } }>(
        'GET',
        '/me',
        undefined,
        { authorization: `Bearer ${token}` },
      );
      expect(me.body.user.isAdmin).toBe(true);
    } finally {
      await t.close();
      await store.close();
    }
  });
});

describe.each(databases)('migrations on %s', (kind) => {
  it('run once and are a no-op the second time', async () => {
    const db = await createTestStore(kind);
    try {
      expect(await migrateToLatest(db.store)).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});
