import { existsSync } from 'node:fs';
import { Command } from 'commander';
import type { RefreshProgress } from '../analytics/index.js';
import type { Config } from '../config/index.js';
import type { Store } from '../db/index.js';
import { VERSION } from '../version.js';

// Each command loads the modules it needs when it runs: `ruche --help` then answers at once,
// without compiling the whole server first.

/** The configured database, for commands that may create it. */
async function openDatabase(config: Config): Promise<Store> {
  const { migrateToLatest, openStore } = await import('../db/index.js');
  const store = openStore(config.database);
  await migrateToLatest(store);
  return store;
}

/** The configured database, for commands that only read it: never an empty one made on the spot. */
async function openExistingDatabase(config: Config): Promise<Store> {
  if (config.database.kind === 'sqlite' && !existsSync(config.database.path))
    throw new Error(
      `No Ruche database at ${config.database.path}: set SQLITE_PATH to its file, or DATABASE_URL.`,
    );
  return openDatabase(config);
}

async function loadedConfig(): Promise<Config> {
  return (await import('../config/index.js')).loadConfig();
}

const program = new Command('ruche')
  .description('Ruche — the community manager’s platform.')
  .version(VERSION, '-v, --version', 'print Ruche’s version');

program
  .command('start')
  .description('Migrate the database, create the demo on first start, and serve Ruche.')
  .action(async () => {
    const config = await loadedConfig();
    const { startServer } = await import('../server.js');
    const { ensureDemo } = await import('../demo/index.js');
    let logins: string[] = [];
    const server = await startServer(config, async (store) => {
      if (config.seedDemo) logins = await ensureDemo(store, { log: (line) => console.log(line) });
    });
    // The last lines of the terminal: where Ruche is, and how to sign in to the demo.
    console.log(`\nRuche is ready at ${config.publicUrl}`);
    for (const line of logins) console.log(line);
    const stop = () => {
      void server.stop().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('Apply the database migrations, then exit.')
  .action(async () => {
    const { migrateToLatest, openStore } = await import('../db/index.js');
    const store = openStore((await loadedConfig()).database);
    const applied = await migrateToLatest(store);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    await store.close();
  });

program
  .command('seed-demo')
  .description('Create the French demo community (refuses if it already exists).')
  .action(async () => {
    const store = await openDatabase(await loadedConfig());
    const { seedDemo } = await import('../demo/index.js');
    await seedDemo(store, { log: (line) => console.log(line), progress: true });
    await store.close();
  });

program
  .command('create-admin')
  .description('Create an instance administrator, or promote an existing account.')
  .requiredOption('--email <email>', 'email address')
  .option('--name <name>', 'display name', 'Admin')
  .option(
    '--password <password>',
    'password (10 characters or more); read from RUCHE_ADMIN_PASSWORD if absent',
  )
  .action(async (opts: { email: string; name: string; password?: string }) => {
    const password = opts.password ?? process.env.RUCHE_ADMIN_PASSWORD ?? '';
    if (password.length < 10) throw new Error('The password must have at least 10 characters.');
    const store = await openDatabase(await loadedConfig());
    const { createAdmin } = await import('../accounts/index.js');
    const { userId, created } = await createAdmin(store, {
      email: opts.email.toLowerCase(),
      password,
      displayName: opts.name,
    });
    console.log(
      created ? `Admin created (id ${userId}).` : `Existing account ${userId} is now an admin.`,
    );
    await store.close();
  });

const importer = program.command('import').description('Import a community from another platform.');
importer
  .command('stackexchange <dir>')
  .description('Import a Stack Exchange data dump (its folder of XML files) into a new community.')
  .option('--slug <slug>', 'the community’s short name (default: from the site’s name)')
  .option('--name <name>', 'the community’s name (default: from the site’s name)')
  .action(async (dir: string, opts: { slug?: string; name?: string }) => {
    const store = await openDatabase(await loadedConfig());
    const { formatSummary, importStackExchange } = await import('../importers/index.js');
    try {
      const summary = await importStackExchange(store, { dir, ...opts, progress: true });
      for (const line of formatSummary(summary)) console.log(line);
    } finally {
      await store.close();
    }
  });

program
  .command('render')
  .description(
    'Render and index the imported posts still waiting (the running server does it in the background).',
  )
  .action(async () => {
    const store = await openDatabase(await loadedConfig());
    const { countQueued, renderAllQueued } = await import('../conversations/index.js');
    const { startPhase } = await import('../importers/index.js');
    try {
      const started = Date.now();
      const bar = startPhase(
        Boolean(process.stdout.isTTY),
        'render',
        await countQueued(store.db),
        'posts',
      );
      const rendered = await renderAllQueued(store, (n) => bar.increment(n));
      bar.stop();
      const seconds = (Date.now() - started) / 1000;
      console.log(`Rendered and indexed ${rendered} posts in ${seconds.toFixed(1)} s.`);
    } finally {
      await store.close();
    }
  });

const token = program.command('token').description('Personal access tokens for the API.');
token
  .command('create')
  .description('Create a token for an account; it is printed once.')
  .requiredOption('--email <email>', 'the account’s email address')
  .option('--name <name>', 'what the token is for', 'cli')
  .action(async (opts: { email: string; name: string }) => {
    const store = await openDatabase(await loadedConfig());
    const { createApiToken, findUserByEmail } = await import('../accounts/index.js');
    const user = await findUserByEmail(store.db, opts.email.toLowerCase());
    if (!user) throw new Error(`No account with the email ${opts.email}.`);
    const { token: secret } = await createApiToken(store, user.id, opts.name);
    console.log(secret);
    await store.close();
  });

program
  .command('report')
  .description(
    'Print a community’s cockpit figures for a period, as CSV (or JSON with --json, keyed as in docs/indicators.md).',
  )
  .argument('<community>', 'the community’s slug')
  .option('--from <date>', 'start of the period, YYYY-MM-DD (default: 90 days before --to)')
  .option('--to <date>', 'end of the period (excluded), YYYY-MM-DD (default: now)')
  .option('--json', 'print JSON instead of CSV')
  .action(async (slug: string, opts: { from?: string; to?: string; json?: boolean }) => {
    const { cockpitCsv, reportCockpit, resolvePeriod } = await import('../analytics/index.js');
    const { AppError } = await import('../http/index.js');
    // The dates first: a mistyped one is told before any database is opened.
    const period = resolvePeriod({ from: opts.from, to: opts.to }, Date.now());
    const store = await openExistingDatabase(await loadedConfig());
    try {
      const { community, cockpit } = await reportCockpit(store, slug, period).catch(
        (err: unknown) => {
          throw err instanceof AppError && err.code === 'not_found'
            ? new Error(`No community with the slug "${slug}".`)
            : err;
        },
      );
      const out = opts.json
        ? JSON.stringify(
            { community: { id: community.id, slug: community.slug }, ...cockpit },
            null,
            2,
          )
        : cockpitCsv(cockpit);
      process.stdout.write(`${out}\n`);
    } finally {
      await store.close();
    }
  });

const rollups = program
  .command('rollups')
  .description('The cockpit’s roll-ups of the activity log (the server refreshes them itself).');
for (const [name, description] of [
  ['refresh', 'Fold the activity logged since the last refresh.'],
  ['rebuild', 'Empty the roll-ups and read the whole activity log again.'],
] as const) {
  rollups
    .command(name)
    .description(description)
    .action(async () => {
      const store = await openExistingDatabase(await loadedConfig());
      const { rebuildRollups, refreshRollups } = await import('../analytics/index.js');
      const { startPhase } = await import('../importers/index.js');
      const run = name === 'refresh' ? refreshRollups : rebuildRollups;
      const started = Date.now();
      let bar: ReturnType<typeof startPhase> | undefined;
      const onProgress = (p: RefreshProgress) => {
        bar ??= startPhase(Boolean(process.stdout.isTTY), 'Roll-ups', p.total, 'log rows');
        bar.update(p.done);
      };
      try {
        const rows = await run(store, onProgress);
        bar?.stop();
        const seconds = (Date.now() - started) / 1000;
        console.log(`Read ${rows} activity rows in ${seconds.toFixed(1)} s.`);
      } finally {
        await store.close();
      }
    });
}

program
  .command('jobs')
  .description(
    'List the background jobs queued, running and failed (100 at most, newest first), with the last error of each.',
  )
  .option('--state <state>', 'only the jobs in this state: queued, running or failed')
  .option('--json', 'print JSON (as GET /api/v1/admin/jobs) instead of lines')
  .action(async (opts: { state?: string; json?: boolean }) => {
    const states = ['queued', 'running', 'failed'] as const;
    const state = states.find((s) => s === opts.state);
    if (opts.state !== undefined && !state)
      throw new Error(`--state is one of ${states.join(', ')}, not "${opts.state}".`);
    const store = await openExistingDatabase(await loadedConfig());
    const { formatJobLines, openJobs, presentJob } = await import('../jobs/index.js');
    const jobs = openJobs(store);
    try {
      const list = await jobs.list({ ...(state ? { states: [state] } : {}), limit: 100 });
      const out = opts.json
        ? JSON.stringify({ jobs: list.map(presentJob) }, null, 2)
        : formatJobLines(list).join('\n');
      process.stdout.write(`${out}\n`);
    } finally {
      await jobs.close();
      await store.close();
    }
  });

const pulse = program.command('pulse').description('The members’ daily or weekly digest.');
pulse
  .command('send')
  .description(
    'Send now the pulse of every member whose local morning has come (the schedule does it by itself); each is sent once.',
  )
  .action(async () => {
    const config = await loadedConfig();
    const store = await openExistingDatabase(config);
    const { createMailer, createUnsubscribe } = await import('../mail/index.js');
    const { mailPulse, pulseMailList, runPulses } = await import('../pulse/index.js');
    const { instanceSecret } = await import('../instance-secret.js');
    const log = {
      info: () => undefined,
      warn: () => undefined,
      error: (o: object, m: string) => console.error(m, o),
    };
    try {
      const mailer = createMailer({
        smtpUrl: config.smtpUrl,
        from: config.mailFrom,
        dkim: config.dkim,
        log: { info: (_o, m) => console.log(m) },
      });
      if (!mailer.delivers) {
        console.error(
          'SMTP_URL is not set: no pulse can be mailed. `ruche pulse preview <email>` shows one.',
        );
        process.exitCode = 1;
        return;
      }
      // The same signed links as the server's: the key comes from the shared instance secret.
      const unsubscribe = createUnsubscribe({
        secret: await instanceSecret(store, config.sessionSecret),
        publicUrl: config.publicUrl,
        validMs: config.unsubscribeLinkMs,
      });
      unsubscribe.register(pulseMailList);
      const counts = await runPulses(
        store,
        { defaultTimeZone: config.pulse.defaultTimeZone, publicUrl: config.publicUrl },
        mailPulse(mailer, unsubscribe),
        { log },
      );
      console.log(
        `Pulse: ${counts.due} member(s) due, ${counts.sent} sent, ${counts.empty} with nothing new, ${counts.failed} failed.`,
      );
      if (counts.failed > 0) process.exitCode = 1;
    } finally {
      await store.close();
    }
  });
pulse
  .command('preview <email>')
  .description('Print one member’s next pulse as text, as it stands now (nothing is sent).')
  .action(async (email: string) => {
    const config = await loadedConfig();
    const store = await openExistingDatabase(config);
    const { previewPulse, pulseMemberByEmail } = await import('../pulse/index.js');
    try {
      const member = await pulseMemberByEmail(store.db, email);
      if (!member) throw new Error(`No member has the address ${email}.`);
      const next = await previewPulse(
        store,
        { defaultTimeZone: config.pulse.defaultTimeZone, publicUrl: config.publicUrl },
        member.id,
      );
      process.stdout.write(
        next
          ? `Subject: ${next.subject}\n\n${next.text}`
          : 'Nothing new for this member: no pulse would be sent.\n',
      );
    } finally {
      await store.close();
    }
  });

program.parseAsync().catch(async (err: unknown) => {
  // Domain errors speak the same words as the API, in English on the command line.
  const { AppError } = await import('../http/index.js');
  const { i18n } = await import('../app.js');
  const t = i18n.translator('en');
  const message =
    err instanceof AppError
      ? t(err.details.messageKey ?? `error.${err.code}`, err.details.params)
      : err instanceof Error
        ? err.message
        : String(err);
  console.error(message);
  process.exit(1);
});
