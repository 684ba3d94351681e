import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

/** bench/RESULTS.md, where every benchmark writes its own section. */
export const RESULTS_FILE = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

export function machine(): string {
  const cpus = os.cpus();
  const gb = (os.totalmem() / 1024 ** 3).toFixed(1);
  return (
    `${os.type()} ${os.release()} (${os.arch()}), ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ` +
    `${cpus.length} cores, ${gb} GB RAM, Node ${process.version}`
  );
}

/** The commit, flagged when tracked files differ from it: others may be editing src/ meanwhile. */
export function commit(): string {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  try {
    const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
    return git('rev-parse', '--short', 'HEAD') + (dirty ? ' (plus uncommitted changes)' : '');
  } catch {
    return 'unknown';
  }
}

/** Replaces one benchmark's section of RESULTS.md (`<!-- bench:<name>:start -->` … end), leaving the rest alone. */
export function writeSection(name: string, body: string, file = RESULTS_FILE): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const section = `${start}\n${body.trim()}\n${end}`;
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const from = old.indexOf(start);
  const to = old.indexOf(end);
  const next =
    from >= 0 && to > from
      ? old.slice(0, from) + section + old.slice(to + end.length)
      : `${old.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
