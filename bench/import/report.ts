/** One run of `ruche import stackexchange`, as its own process. */
export interface Run {
  posts: number;
  /** Spawn to exit: Node and module loading, migrations, the import, closing. */
  commandSeconds: number;
  /** importStackExchange alone, from the summary it stores in import_runs. */
  importSeconds: number;
  /** Writing topics, replies and what they need but their HTML (the summary's "topics" phase). */
  postsSeconds: number;
  readingSeconds: number;
  membersSeconds: number;
}

/** Imports 2 and later of one dump in one process, each followed by rendering its posts. */
export interface WarmRuns {
  posts: number;
  imports: number[];
  renders: number[];
}

export interface EngineResult {
  engine: string;
  runs: Run[];
  /**
   * Seconds of importStackExchange, whole, in the 2nd and later imports in one process
   * (bench/import/in-process.ts): the JIT is warm, as deep into a large dump.
   */
  warmImportSeconds: number[];
  /** Rendering and indexing the same imports' posts afterwards (the render queue, emptied). */
  warmRenderSeconds: number[];
  /** The same, warm, on a dump several times larger (scaled-dump.ts). */
  scaled: WarmRuns;
  /** The command, each run its own process, on a much larger scaled dump. */
  large: Run[];
}

// The target for the whole import.
export const TARGET_POSTS_PER_SECOND = 20_000;

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
};

const rate = (posts: number, seconds: number) => (posts / seconds).toFixed(0);

/** Median and best of each figure over the runs (best = fastest). */
export function table(results: EngineResult[]): string {
  const head =
    '| Engine | posts | runs | command s (median / best) | posts/s of the command | import s | posts/s of the import | posts phase s | posts/s of the posts phase | reading s | members s | warm import s | warm posts/s of the import | warm render + index s | warm posts/s rendered |';
  const lines = results.map(({ engine, runs, warmImportSeconds, warmRenderSeconds }) => {
    const posts = runs[0]?.posts ?? 0;
    const fig = (pick: (r: Run) => number) => {
      const xs = runs.map(pick);
      return { med: median(xs), best: Math.min(...xs) };
    };
    const both = (f: { med: number; best: number }) => `${f.med.toFixed(2)} / ${f.best.toFixed(2)}`;
    const rates = (f: { med: number; best: number }) =>
      `${rate(posts, f.med)} / ${rate(posts, f.best)}`;
    const command = fig((r) => r.commandSeconds);
    const imported = fig((r) => r.importSeconds);
    const phase = fig((r) => r.postsSeconds);
    const spread = (xs: number[]) => ({ med: median(xs), best: Math.min(...xs) });
    const warm = spread(warmImportSeconds);
    const render = spread(warmRenderSeconds);
    return [
      engine,
      String(posts),
      String(runs.length),
      both(command),
      rates(command),
      both(imported),
      rates(imported),
      both(phase),
      rates(phase),
      both(fig((r) => r.readingSeconds)),
      both(fig((r) => r.membersSeconds)),
      both(warm),
      rates(warm),
      both(render),
      rates(render),
    ].join(' | ');
  });
  return [head, `|---|${'--:|'.repeat(14)}`, ...lines.map((l) => `| ${l} |`)].join('\n');
}

/** The command on the large dump: median and best of the command, the import and its phases. */
export function largeTable(results: EngineResult[]): string {
  const head =
    '| Engine | posts | runs | command s (median / best) | import s | posts/s of the import | reading s | members s | posts phase s |';
  const lines = results.map(({ engine, large }) => {
    const posts = large[0]?.posts ?? 0;
    const pair = (pick: (r: Run) => number) => {
      const xs = large.map(pick);
      return `${median(xs).toFixed(2)} / ${Math.min(...xs).toFixed(2)}`;
    };
    const imports = large.map((r) => r.importSeconds);
    return [
      engine,
      String(posts),
      String(large.length),
      pair((r) => r.commandSeconds),
      pair((r) => r.importSeconds),
      `${rate(posts, median(imports))} / ${rate(posts, Math.min(...imports))}`,
      pair((r) => r.readingSeconds),
      pair((r) => r.membersSeconds),
      pair((r) => r.postsSeconds),
    ].join(' | ');
  });
  return [head, `|---|${'--:|'.repeat(8)}`, ...lines.map((l) => `| ${l} |`)].join('\n');
}

/** The warm figures on the scaled dump: median and best of the import and of the rendering. */
export function scaledTable(results: EngineResult[]): string {
  const head =
    '| Engine | posts | imports | warm import s (median / best) | posts/s of the import | render + index s | posts/s rendered |';
  const lines = results.map(({ engine, scaled }) => {
    const pair = (xs: number[]) => {
      const med = median(xs);
      const best = Math.min(...xs);
      return [
        `${med.toFixed(2)} / ${best.toFixed(2)}`,
        `${rate(scaled.posts, med)} / ${rate(scaled.posts, best)}`,
      ];
    };
    return [
      engine,
      String(scaled.posts),
      String(scaled.imports.length),
      ...pair(scaled.imports),
      ...pair(scaled.renders),
    ].join(' | ');
  });
  return [head, `|---|${'--:|'.repeat(6)}`, ...lines.map((l) => `| ${l} |`)].join('\n');
}
