import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/index.js';
import { Client } from '../client.js';
import { createTestStore, databases, startTestApp } from '../harness.js';
import { frenchMetaDump } from '../shared-data.js';
import { startSmtp, type Received } from '../smtp.js';

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
      const bearer = { authorization: `Bearer ${token}` };
      const api = new Client(t.url);
      const me = await api.api<{ user: { isAdmin: boolean } }>('GET', '/me', undefined, bearer);
      expect(me.body.user.isAdmin).toBe(true);
      const created = await api.api(
        'POST',
        '/communities',
        {
          slug: 'rapport',
          name: 'Rapport',
          purpose: 'Une communauté pour le rapport.',
          typology: 'internal_community',
          visibility: 'public',
          charter: 'Soyons bienveillants.',
        },
        bearer,
      );
      expect(created.status).toBe(201);
      const report = JSON.parse((await ruche('report', 'rapport', '--json')).stdout) as {
        community: { slug: string };
        circles: { total: number };
        lifecycle: { stage: string };
      };
      expect(report).toMatchObject({
        community: { slug: 'rapport' },
        circles: { total: 0 },
        lifecycle: { stage: 'inception' },
      });
      expect((await ruche('report', 'rapport')).stdout).toMatch(/^section,indicator,point,value\n/);
      await expect(ruche('report', 'absente')).rejects.toThrow(
        /No community with the slug "absente"/,
      );
    } finally {
      await t.close();
      await store.close();
    }
  });
});

describe('ruche for an operator', () => {
  it('gives its version, and says what report prints by default', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect((await ruche('--version')).stdout.trim()).toBe(pkg.version);
    const help = (await ruche('report', '--help')).stdout;
    expect(help).toMatch(/as CSV/);
    expect(help).not.toMatch(/Print .*\(JSON keyed/);
  });

  it('tells a date that does not exist from a period in the wrong order', async () => {
    await expect(ruche('report', 'x', '--from', '2026-13-01')).rejects.toThrow(
      /The date “2026-13-01” does not exist/,
    );
    await expect(ruche('report', 'x', '--to', '2026-02-30')).rejects.toThrow(
      /The date “2026-02-30” does not exist/,
    );
    await expect(
      ruche('report', 'x', '--from', '2026-03-01', '--to', '2026-02-01'),
    ).rejects.toThrow(/start date must come before the end date/);
  });

  it('takes an empty DATABASE_URL as unset, and never makes up a database to read', async () => {
    const migrated = await run('node', ['bin/ruche.js', 'migrate'], {
      env: { ...env, DATABASE_URL: '' },
    });
    expect(migrated.stdout).toMatch(/Applied|up to date/);
    const nowhere = join(dir, 'nowhere', 'ruche.db');
    const report = run('node', ['bin/ruche.js', 'report', 'x'], {
      env: { ...env, SQLITE_PATH: nowhere },
    });
    await expect(report).rejects.toThrow(new RegExp(`No Ruche database at ${nowhere}`));
    expect(existsSync(nowhere)).toBe(false);
  });

  it('ends start-up with the address and the demo logins, and keeps requests out of the terminal', async () => {
    const port = await freePort();
    const child = spawn('node', ['bin/ruche.js', 'start'], {
      env: {
        ...env,
        SQLITE_PATH: join(dir, 'demo.db'),
        RUCHE_DEMO: '1',
        LOG_LEVEL: 'info',
        PORT: String(port),
        ROLLUP_INTERVAL_SECONDS: '0',
      },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    try {
      await until(() => out.includes('Demo sponsor'), 120_000);
      for (const path of ['/', '/c/reseau-benevoles', '/nope'])
        await fetch(`http://127.0.0.1:${port}${path}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const lines = out.trimEnd().split('\n');
      expect(lines.slice(-3)).toEqual([
        `Ruche is ready at http://localhost:${port}`,
        expect.stringContaining('Demo animator: camille@demo.ruche.test'),
        expect.stringContaining('Demo sponsor'),
      ]);
    } finally {
      child.kill('SIGTERM');
    }
  }, 150_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function until(ready: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('ruche pulse', () => {
  const demoDir = mkdtempSync(join(tmpdir(), 'ruche-pulse-'));
  const mails: Received[] = [];
  let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
  const demoEnv = { ...env, SQLITE_PATH: join(demoDir, 'ruche.db'), SMTP_URL: '' };
  const demo = (...args: string[]) =>
    run('node', ['bin/ruche.js', ...args], { env: demoEnv, maxBuffer: 10_000_000 });
  beforeAll(async () => {
    smtp = await startSmtp(mails);
  });
  afterAll(async () => {
    rmSync(demoDir, { recursive: true, force: true });
    await new Promise<void>((resolve) => smtp?.smtp.close(resolve));
  });

  it('previews a demo member’s pulse after a first start, and sends the due ones once', async () => {
    await demo('seed-demo');
    const out = (await demo('pulse', 'preview', 'karim-benali@demo.ruche.test')).stdout;
    expect(out).toMatch(/^Subject: Le Réseau des bénévoles : votre pulse de la semaine/);
    expect(out).toContain('On a besoin de vous');
    expect(out).toMatch(/http:\/\/localhost:3000\/c\/reseau-des-benevoles\/t\/\d+/);
    await expect(demo('pulse', 'preview', 'nobody@example.test')).rejects.toThrow(
      /No member has the address/,
    );
    // Without SMTP_URL nothing is sent, nor claimed; with it, a second run finds every pulse done.
    await expect(demo('pulse', 'send')).rejects.toThrow(/SMTP_URL is not set/);
    demoEnv.SMTP_URL = smtp?.url ?? '';
    const sent = /Pulse: \d+ member\(s\) due, (\d+) sent/.exec(
      (await demo('pulse', 'send')).stdout,
    );
    expect(Number(sent?.[1])).toBeGreaterThan(0);
    expect(mails).toHaveLength(Number(sent?.[1]));
    expect(mails.find((m) => m.to === 'karim-benali@demo.ruche.test')?.html).toContain(
      'On a besoin de vous',
    );
    expect((await demo('pulse', 'send')).stdout).toContain('Pulse: 0 member(s) due, 0 sent');
    expect(mails).toHaveLength(Number(sent?.[1]));
  }, 180_000);
});

describe('ruche import and ruche render', () => {
  const importDir = mkdtempSync(join(tmpdir(), 'ruche-cli-import-'));
  const importEnv = { ...env, SQLITE_PATH: join(importDir, 'ruche.db') };
  afterAll(() => rmSync(importDir, { recursive: true, force: true }));

  it('imports a dump, leaves its posts to render, and renders them', async () => {
    const cli = (...args: string[]) => run('node', ['bin/ruche.js', ...args], { env: importEnv });
    const imported = await cli('import', 'stackexchange', frenchMetaDump);
    expect(imported.stdout).toContain('topics:           274 imported');
    expect(imported.stdout).toContain('2,066 posts wait to be rendered and indexed');
    expect((await cli('render')).stdout).toMatch(/^Rendered and indexed 2066 posts in /m);
    expect((await cli('render')).stdout).toMatch(/^Rendered and indexed 0 posts in /m);
    const { openStore } = await import('../../src/db/index.js');
    const store = openStore({ kind: 'sqlite', path: importEnv.SQLITE_PATH });
    try {
      const queued = await store.db
        .selectFrom('render_queue')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const empty = await store.db
        .selectFrom('replies')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('body_html', '=', '')
        .executeTakeFirstOrThrow();
      expect([Number(queued.n), Number(empty.n)]).toEqual([0, 0]);
    } finally {
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
