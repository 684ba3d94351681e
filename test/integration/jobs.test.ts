import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, openJobs, type JobLog, type Jobs } from '../../src/jobs/index.js';
import { Client } from '../client.js';
import { PASSWORD, newAdmin, newMember } from '../fixtures.js';
import {
  createTestStore,
  databases,
  startTestApp,
  type TestApp,
  type TestStore,
} from '../harness.js';
import { htmlProblems } from '../html.js';

const DAY = 86_400_000;
const run = promisify(execFile);
const quiet: JobLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('waited too long');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

interface JobView {
  id: string;
  name: string;
  state: string;
  key: string | null;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  failedAt: string | null;
}

/** `ruche jobs …` against the test's database, as an operator runs it. */
function ruche(db: TestStore, ...args: string[]) {
  const where =
    db.database?.kind === 'postgres'
      ? { DATABASE_URL: db.database.url }
      : { SQLITE_PATH: db.database?.path ?? '' };
  return run('node', ['bin/ruche.js', ...args], {
    env: { ...process.env, DATABASE_URL: '', ...where, LOG_LEVEL: 'silent', RUCHE_DEMO: '0' },
  });
}

describe.each(databases)('failed jobs for instance admins, on %s', (kind) => {
  let db: TestStore;
  let jobs: Jobs;
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let mended = false;
  const sent: string[] = [];
  // A mail that cannot leave while the SMTP server is down.
  const digest = defineJob({
    name: 'test.digest',
    payload: z.object({ to: z.string() }),
    retries: 1,
    backoffSeconds: 1,
    handler: (p) => {
      if (!mended) return Promise.reject(new Error('SMTP injoignable (ECONNREFUSED)'));
      sent.push(p.to);
      return Promise.resolve();
    },
  });
  const later = defineJob({
    name: 'test.later',
    payload: z.object({}),
    handler: () => Promise.resolve(),
  });

  beforeAll(async () => {
    db = await createTestStore(kind, { file: true });
    jobs = openJobs(db.store);
    jobs.register(digest, later);
    t = await startTestApp(kind, {}, db, { jobs });
    await jobs.start({ log: quiet, pollMs: kind === 'postgres' ? 500 : 50 });
    admin = await newAdmin(t);
  });
  afterAll(async () => {
    await jobs.close();
    await t.close();
    await db.drop();
  });

  async function failedDigest(to: string): Promise<string> {
    const id = await jobs.enqueue(digest, { to }, { key: `digest:${to}:2026-W40` });
    if (id === null) throw new Error('not queued');
    await waitFor(async () => (await jobs.find(id))?.state === 'failed');
    return id;
  }

  it('lists a job that exhausted its retries as failed, with its error, on the API and the page; retry runs it again', async () => {
    mended = false;
    const id = await failedDigest('ines@example.test');
    const waiting = await jobs.enqueue(later, {}, { runAt: Date.now() + DAY });

    const api = await admin.client.api<{ jobs: JobView[] }>('GET', '/admin/jobs?state=failed');
    expect(api.status).toBe(200);
    expect(api.body.jobs.find((j) => j.id === id)).toMatchObject({
      name: 'test.digest',
      state: 'failed',
      key: 'digest:ines@example.test:2026-W40',
      attempts: 2,
      maxAttempts: 2,
      lastError: 'SMTP injoignable (ECONNREFUSED)',
      failedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string,
    });
    const all = await admin.client.api<{ jobs: JobView[] }>('GET', '/admin/jobs');
    expect(all.body.jobs.find((j) => j.id === waiting)).toMatchObject({ state: 'queued' });
    const wrong = await admin.client.api('GET', '/admin/jobs?state=perdu');
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { code: 'invalid_input', field: 'state' } });

    const page = await admin.client.page('/admin/jobs');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>Tâches de fond</h1>');
    expect(page.html).toContain('SMTP injoignable (ECONNREFUSED)');
    expect(page.html).toContain('2 sur 2');
    expect(page.html).toContain(`action="/admin/jobs/${id}/retry"`);
    expect(page.html).toContain('aria-label="Relancer la tâche test.digest"');
    expect(page.html).toContain('En attente');
    expect(page.html).toContain('href="/admin/jobs"');
    expect(await htmlProblems(page.html)).toEqual([]);

    // The admin mends the SMTP server and retries from the page, without JavaScript.
    mended = true;
    const retried = await admin.client.submit('/admin/jobs', `/admin/jobs/${id}/retry`, {});
    expect(retried.status).toBe(303);
    expect(retried.location).toBe('/admin/jobs');
    await waitFor(() => sent.includes('ines@example.test'));
    const after = await admin.client.page('/admin/jobs');
    expect(after.html).toContain('La tâche test.digest est relancée');
    expect(after.html).not.toContain(`action="/admin/jobs/${id}/retry"`);
    // The button pressed again once the job ran: there is no such failed job any more.
    const twice = await admin.client.submit('/admin/jobs', `/admin/jobs/${id}/retry`, {});
    expect(twice.status).toBe(404);
    expect(sent.filter((to) => to === 'ines@example.test')).toHaveLength(1);
  });

  it('retries through the API too, once, and says so in English', async () => {
    mended = false;
    const id = await failedDigest('jules@example.test');
    mended = true;
    const res = await admin.client.api<{ job: JobView }>('POST', `/admin/jobs/${id}/retry`);
    expect(res.status).toBe(202);
    expect(res.body.job).toMatchObject({ id, state: 'queued', failedAt: null });
    await waitFor(() => sent.includes('jules@example.test'));
    mended = false;
    const other = await failedDigest('lea@example.test');
    const first = await admin.client.api('POST', `/admin/jobs/${other}/retry`);
    expect(first.status).toBe(202);
    await waitFor(async () => (await jobs.find(other))?.state === 'failed');
    expect((await admin.client.api('POST', `/admin/jobs/${other}/retry`)).status).toBe(202);
    // Once it no longer fails (queued, running, or done), a retry is refused.
    const queued = await jobs.enqueue(later, {}, { runAt: Date.now() + DAY });
    const refused = await admin.client.api('POST', `/admin/jobs/${queued}/retry`, undefined, {
      'accept-language': 'en',
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      error: {
        code: 'conflict',
        message: 'This job is no longer failed: it was probably retried already.',
      },
    });
    const unknown = kind === 'postgres' ? '00000000-0000-4000-8000-000000000000' : '999999';
    expect((await admin.client.api('POST', `/admin/jobs/${unknown}/retry`)).status).toBe(404);
    expect((await admin.client.api('POST', '/admin/jobs/x%27;drop/retry')).status).toBe(400);
    await admin.client.page('/lang/en');
    const page = await admin.client.page('/admin/jobs');
    expect(page.html).toContain('<h1>Background jobs</h1>');
    await admin.client.page('/lang/fr');
  });

  it('hides the queue from everyone else: 404 for members, sign-in for visitors, nothing retried', async () => {
    mended = false;
    const id = await failedDigest('noe@example.test');
    const member = await newMember(t);
    expect((await member.client.page('/admin/jobs')).status).toBe(404);
    expect((await member.client.api('GET', '/admin/jobs')).status).toBe(404);
    expect((await member.client.api('POST', `/admin/jobs/${id}/retry`)).status).toBe(404);
    const form = await member.client.submit('/', `/admin/jobs/${id}/retry`, {});
    expect(form.status).toBe(404);
    expect(member.client.cookieHeader()).not.toContain('ruche_flash');
    const page = await member.client.page('/');
    expect(page.html).not.toContain('href="/admin/jobs"');

    const visitor = new Client(t.url);
    expect((await visitor.api('GET', '/admin/jobs')).status).toBe(401);
    const signIn = await visitor.page('/admin/jobs');
    expect(signIn.status).toBe(303);
    expect(signIn.location).toMatch(/^\/signin/);
    // A form posted without the page's token is refused before anything else.
    const forged = await admin.client.request('POST', `/admin/jobs/${id}/retry`, { form: {} });
    expect(forged.status).toBe(403);
    expect((await jobs.find(id))?.state).toBe('failed');
  });

  it('lists queued, running and failed jobs on the command line', async () => {
    mended = false;
    const id = await failedDigest('zoe@example.test');
    const listed = await ruche(db, 'jobs');
    expect(listed.stdout).toMatch(/^STATE +WHEN \(UTC\)/);
    expect(listed.stdout).toContain(id);
    expect(listed.stdout).toMatch(/failed .* test\.digest {2}digest:zoe@example\.test:2026-W40/);
    expect(listed.stdout).toContain('SMTP injoignable (ECONNREFUSED)');
    expect(listed.stdout).toMatch(/queued .* test\.later/);
    const json = JSON.parse((await ruche(db, 'jobs', '--state', 'failed', '--json')).stdout) as {
      jobs: JobView[];
    };
    expect(json.jobs.length).toBeGreaterThan(0);
    expect(json.jobs.every((j) => j.state === 'failed')).toBe(true);
    await expect(ruche(db, 'jobs', '--state', 'perdu')).rejects.toThrow(
      /--state is one of queued, running, failed/,
    );
    expect((await ruche(db, 'jobs', '--help')).stdout).toMatch(/queued, running and failed/);
  });
});

describe.each(databases)('the account deletions, on the job scheduler, on %s', (kind) => {
  let db: TestStore;
  let jobs: Jobs;
  let t: TestApp;
  beforeAll(async () => {
    db = await createTestStore(kind);
    jobs = openJobs(db.store);
    t = await startTestApp(kind, {}, db, { jobs });
  });
  afterAll(async () => {
    await jobs.close();
    await t.close();
    await db.drop();
  });

  it('carries out a deletion that fell due as soon as the server starts, once', async () => {
    const m = await newMember(t, 'Zéphyrine Départ');
    const asked = await m.client.api('POST', '/me/deletion', {
      currentPassword: PASSWORD,
      posts: 'keep',
    });
    expect(asked.status).toBe(202);
    // Fifteen days on: the grace period is over.
    await db.store.db
      .updateTable('users')
      .set({ deletion_requested_at: Date.now() - 15 * DAY })
      .where('id', '=', m.id)
      .execute();
    await jobs.start({ log: quiet, pollMs: kind === 'postgres' ? 500 : 50 });
    const deletedAt = async () =>
      (
        await db.store.db
          .selectFrom('users')
          .select('deleted_at')
          .where('id', '=', m.id)
          .executeTakeFirstOrThrow()
      ).deleted_at;
    await waitFor(async () => (await deletedAt()) !== null);
    // This hour's occurrence is taken: another instance starting now runs it no more.
    const keys = await db.store.db
      .selectFrom('job_keys')
      .select('key')
      .where('job_name', '=', 'own-data.due-deletions')
      .execute();
    expect(keys).toHaveLength(1);
    expect(keys[0]?.key).toMatch(
      /^schedule:own-data\.due-deletions:\d{4}-\d\d-\d\dT\d\d:00:00\.000Z$/,
    );
  });
});
