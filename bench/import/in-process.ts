// The same dump imported several times in one process, each time into a fresh database, and
// its posts then rendered and indexed (the render queue): the first import pays the JIT's
// warm-up and the text thread's start, the later ones show the steady rate a large dump would
// see. Run by bench/import/run.ts: `node --import tsx bench/import/in-process.ts <dump> <runs>`,
// on SQLite (temporary files) or, with RUCHE_BENCH_ENGINE=postgres, on scratch databases of
// RUCHE_BENCH_POSTGRES_URL's server; prints one JSON line per import.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { renderAllQueued } from '../../src/conversations/index.js';
import { migrateToLatest, openStore, type Store } from '../../src/db/index.js';
import { importStackExchange, type ImportSummary } from '../../src/importers/index.js';
import { startTextThread } from '../../src/importers/body-texts.js';
import { dropDatabase, freshDatabase } from '../scratch-database.js';

const [dumpDir = '', runsArg = '3'] = process.argv.slice(2);
const adminUrl = process.env.RUCHE_BENCH_POSTGRES_URL;
const engine = process.env.RUCHE_BENCH_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
const SCRATCH_DATABASE = 'ruche_bench_import_warm';

/** A fresh, migrated database, and how to throw it away. */
async function freshStore(): Promise<{ store: Store; drop: () => Promise<void> }> {
  if (engine === 'postgres') {
    const server = adminUrl ?? '';
    const store = openStore({
      kind: 'postgres',
      url: await freshDatabase(server, SCRATCH_DATABASE),
    });
    await migrateToLatest(store);
    return { store, drop: () => dropDatabase(server, SCRATCH_DATABASE) };
  }
  const dir = mkdtempSync(join(os.tmpdir(), 'ruche-bench-import-warm-'));
  const store = openStore({ kind: 'sqlite', path: join(dir, 'ruche.db') });
  await migrateToLatest(store);
  return {
    store,
    drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

// A large dump's import starts a text thread, which then runs as long as the process: the imports
// after the first have it, as the rest of a large dump does.
startTextThread();
for (let i = 0; i < Math.max(1, Number(runsArg)); i++) {
  const { store, drop } = await freshStore();
  let summary: ImportSummary;
  let renderSeconds: number;
  try {
    summary = await importStackExchange(store, { dir: dumpDir });
    // What the server then does in the background: render and index the imported posts.
    const started = performance.now();
    await renderAllQueued(store);
    renderSeconds = (performance.now() - started) / 1000;
  } finally {
    await store.close();
    await drop();
  }
  const posts = summary.topics.imported + summary.replies.answers + summary.replies.comments;
  console.log(JSON.stringify({ run: i + 1, posts, seconds: summary.seconds, renderSeconds }));
}
