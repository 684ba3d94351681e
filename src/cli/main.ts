import { Command } from 'commander';
import { createAdmin, createApiToken, findUserByEmail } from '../accounts/index.js';
import { loadConfig } from '../config/index.js';
import { migrateToLatest, openStore } from '../db/index.js';
import { ensureDemo, seedDemo } from '../demo/index.js';
import { startServer } from '../server.js';

const program = new Command('ruche').description('Ruche — the community manager’s platform.');

program
  .command('start')
  .description('Migrate the database, create the demo on first start, and serve Ruche.')
  .action(async () => {
    const config = loadConfig();
    const server = await startServer(config, async (store) => {
      if (config.seedDemo) await ensureDemo(store, { log: (line) => console.log(line) });
    });
    console.log(`Ruche is listening on ${config.publicUrl}`);
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
    const store = openStore(loadConfig().database);
    const applied = await migrateToLatest(store);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    await store.close();
  });

program
  .command('seed-demo')
  .description('Create the French demo community (refuses if it already exists).')
  .action(async () => {
    const store = openStore(loadConfig().database);
    await migrateToLatest(store);
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
    const store = openStore(loadConfig().database);
    await migrateToLatest(store);
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

const token = program.command('token').description('Personal access tokens for the API.');
token
  .command('create')
  .description('Create a token for an account; it is printed once.')
  .requiredOption('--email <email>', 'the account’s email address')
  .option('--name <name>', 'what the token is for', 'cli')
  .action(async (opts: { email: string; name: string }) => {
    const store = openStore(loadConfig().database);
    await migrateToLatest(store);
    const user = await findUserByEmail(store.db, opts.email.toLowerCase());
    if (!user) throw new Error(`No account with the email ${opts.email}.`);
    const { token: secret } = await createApiToken(store, user.id, opts.name);
    console.log(secret);
    await store.close();
  });

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
