import { forgetOldFailures } from './accounts/index.js';
import { forgetPastVisitors } from './activity/index.js';
import { prepareTodaysWindows, refreshRollups } from './analytics/index.js';
import { createApp } from './app.js';
import { renderAllQueued } from './conversations/index.js';
import type { Config } from './config/index.js';
import { forgetEndedRateBuckets, migrateToLatest, openStore, type Store } from './db/index.js';
import { every, openJobs } from './jobs/index.js';

const RENDER_INTERVAL_MS = 5_000;
const COUNTERS_INTERVAL_MS = 60_000;

/** Opens the database, migrates it, and listens; returns a stop function for signals and tests. */
export async function startServer(config: Config, onStore?: (store: Store) => Promise<void>) {
  const store = openStore(config.database);
  await migrateToLatest(store);
  if (onStore) await onStore(store);
  // The features' jobs (app.ts registers them) and their schedules, with the other instances.
  const jobs = openJobs(store);
  const app = await createApp({ config, store, jobs });
  await app.listen({ port: config.port, host: config.host });
  try {
    await jobs.start({ log: app.log });
  } catch (err) {
    // A server that cannot run its jobs (pg-boss's schema refused, say) does not stay up half-way.
    await jobs.close();
    await app.close();
    await store.close();
    throw err;
  }
  // Keeps the cockpit's roll-ups close to the log, so opening a cockpit folds little, and stores
  // each day's 90-day windows before the first cockpit of the day asks for them.
  const rollups =
    config.rollupIntervalMs > 0
      ? every(
          config.rollupIntervalMs,
          async () => {
            await refreshRollups(store);
            await prepareTodaysWindows(store, Date.now());
            // Past days' salts go: their visitor hashes can no longer be tied to anyone.
            await forgetPastVisitors(store.db, Date.now());
          },
          (err) => app.log.error({ err }, 'roll-up refresh failed'),
        )
      : undefined;
  // Imports leave their posts' HTML and search entries to the server (conversations/render-queue.ts).
  const rendering = every(
    RENDER_INTERVAL_MS,
    () => renderAllQueued(store),
    (err) => app.log.error({ err }, 'rendering imported posts failed'),
    { now: true },
  );
  // Rate-limit windows that have ended, failed sign-ins a day old: they count no more.
  const counters = every(
    COUNTERS_INTERVAL_MS,
    async () => {
      await forgetEndedRateBuckets(store.db, Date.now());
      await forgetOldFailures(store.db, Date.now());
    },
    (err) => app.log.error({ err }, 'forgetting old rate-limit counters failed'),
  );
  return {
    app,
    store,
    async stop() {
      await rollups?.stop();
      await rendering.stop();
      await counters.stop();
      await jobs.close();
      await app.close();
      await store.close();
    },
  };
}
