import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export interface Target {
  pid: number;
  base: string;
  stop(): Promise<void>;
}

const serverScript = fileURLToPath(new URL('./server.ts', import.meta.url));

/** Starts bench/http/server.ts as its own Node process and waits until it listens. */
export function startTarget(args: string[], env: NodeJS.ProcessEnv): Promise<Target> {
  const child = spawn(process.execPath, ['--import', 'tsx', serverScript, ...args], {
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server ${args.join(' ')} exited (${code})`)));
    child.once('message', (msg) => {
      const { port } = msg as { port: number };
      resolve({
        pid: child.pid ?? 0,
        base: `http://127.0.0.1:${port}`,
        stop: () => stopChild(child),
      });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Peak resident set size of a process over its whole life (VmHWM), in MB. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : NaN;
}

export interface Load {
  rps: number;
  /** Mean bytes on the wire per response, headers included. */
  bytes: number;
  p50: number;
  p99: number;
  errors: number;
}

/** One load run; errors counts socket errors and timeouts (autocannon's `errors`) plus non-2xx. */
export async function load(
  url: string,
  seconds: number,
  headers: Record<string, string> = {},
  connections = 50,
): Promise<Load> {
  const r = await autocannon({ url, connections, duration: seconds, headers });
  return {
    rps: r.requests.average,
    bytes: r.throughput.average / r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  };
}
