import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Migrator } from 'kysely';
import pg from 'pg';
import { createApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/config/index.js';
import { migrateToLatest, openStore, type Store } from '../src/db/index.js';
import { migrationProvider } from '../src/db/migrations/index.js';
import type { Jobs } from '../src/jobs/index.js';
import type { MailMessage, Mailer } from '../src/mail/index.js';

export type DbKind = 'sqlite' | 'postgres';

/** The PostgreSQL suite runs when RUCHE_TEST_POSTGRES_URL names a server (CI sets it). */
const postgresAdminUrl = process.env.RUCHE_TEST_POSTGRES_URL;
export const databases: DbKind[] = postgresAdminUrl ? ['sqlite', 'postgres'] : ['sqlite'];

/** Tests of Redis (live fan-out, shared rate limits) run when RUCHE_TEST_REDIS_URL names one (CI sets it). */
export const redisUrl = process.env.RUCHE_TEST_REDIS_URL;

/** A key prefix of its own for each test's Ruche, so that tests sharing one Redis never meet. */
export function testRedisPrefix(): string {
  return `ruche-test-${randomBytes(6).toString('hex')}:`;
}

export interface TestStore {
  store: Store;
  /** Where it is: a second store may open the same database (two instances in one test). */
  database?: Config['database'];
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database of the given kind; PostgreSQL ones are created and dropped per
 * suite. SQLite is in memory unless `file` asks for a temporary file, where long reads go
 * through worker threads as in production (src/db/read-workers.ts).
 */
export async function createTestStore(
  kind: DbKind,
  opts: { file?: boolean; migrateTo?: string } = {},
): Promise<TestStore> {
  const migrate = (store: Store) =>
    opts.migrateTo ? migrateTo(store, opts.migrateTo) : migrateToLatest(store);
  if (kind === 'sqlite') {
    const dir = opts.file ? mkdtempSync(join(os.tmpdir(), 'ruche-test-')) : null;
    const database = { kind: 'sqlite', path: dir ? join(dir, 'test.db') : ':memory:' } as const;
    const store = openStore(database);
    await migrate(store);
    return {
      store,
      database,
      async drop() {
        await store.close();
        if (dir) rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!postgresAdminUrl) throw new Error('RUCHE_TEST_POSTGRES_URL is not set');
  const name = `ruche_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const database = { kind: 'postgres', url: url.toString() } as const;
  const store = openStore(database);
  await migrate(store);
  return {
    store,
    database,
    async drop() {
      await store.close();
      const c = new pg.Client({ connectionString: postgresAdminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Migrates up to `name` only: a database as an older Ruche left it, for a migration's test. */
async function migrateTo(store: Store, name: string): Promise<void> {
  const migrator = new Migrator({ db: store.db, provider: migrationProvider(store.dialect) });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    LOG_LEVEL: 'silent',
    RUCHE_DEMO: '0',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0000',
    RATE_LIMIT_WRITES_PER_MINUTE: '10000',
    RATE_LIMIT_AUTH_PER_MINUTE: '10000',
    // The new-account limits by trust level: off, as fresh accounts post links and many posts
    // in most tests; test/integration/trust-levels.test.ts turns them on.
    TRUST_LIMITS: '0',
    ...overrides,
  });
}

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  url: string;
  mails: MailMessage[];
  close(): Promise<void>;
}

/** The real Fastify app listening on a loopback port, over a fresh database. */
export async function startTestApp(
  kind: DbKind,
  env: Record<string, string> = {},
  existing?: TestStore,
  options: { realMailer?: boolean; mailer?: Mailer; logger?: object; jobs?: Jobs } = {},
): Promise<TestApp> {
  const db = existing ?? (await createTestStore(kind));
  const mails: MailMessage[] = [];
  const mailer: Mailer = options.mailer ?? {
    delivers: true,
    send(m) {
      mails.push(m);
      return Promise.resolve();
    },
  };
  const config = testConfig(env);
  const app = await createApp({
    config,
    store: db.store,
    ...(options.realMailer ? {} : { mailer }),
    ...(options.jobs ? { jobs: options.jobs } : {}),
    logger: options.logger ?? false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    store: db.store,
    url: `http://127.0.0.1:${port}`,
    mails,
    async close() {
      await app.close();
      if (!existing) await db.drop();
    },
  };
}
