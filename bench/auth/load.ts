// Open-loop load for bench/auth: requests leave at a fixed rate whether or not the earlier ones
// have been answered, as sign-ups from strangers and members' clicks do. Each answer's time
// and status are kept (status 0: no answer within the timeout, or a network error).

import { readFileSync } from 'node:fs';

const TIMEOUT_MS = 60_000;

export interface Summary {
  name: string;
  sent: number;
  ok: number;
  busy: number;
  failed: number;
  p50: number;
  p99: number;
  max: number;
}

export class Series {
  private readonly samples: { ms: number; status: number }[] = [];

  constructor(readonly name: string) {}

  /** Sends one request and keeps its time to the last byte and its status. */
  async time(send: (signal: AbortSignal) => Promise<Response>): Promise<void> {
    const started = performance.now();
    let status: number;
    try {
      const res = await send(AbortSignal.timeout(TIMEOUT_MS));
      await res.arrayBuffer();
      status = res.status;
    } catch {
      status = 0;
    }
    this.samples.push({ ms: performance.now() - started, status });
  }

  summary(): Summary {
    const ms = this.samples.map((s) => s.ms).sort((a, b) => a - b);
    // Nearest rank: the p99 is a time some request really took.
    const rank = (q: number) => ms[Math.max(0, Math.ceil(q * ms.length) - 1)] ?? NaN;
    const ok = this.samples.filter((s) => s.status >= 200 && s.status < 300).length;
    const busy = this.samples.filter((s) => s.status === 503).length;
    return {
      name: this.name,
      sent: this.samples.length,
      ok,
      busy,
      failed: this.samples.length - ok - busy,
      p50: rank(0.5),
      p99: rank(0.99),
      max: ms.at(-1) ?? NaN,
    };
  }
}

/** Fires `fire(i)` `perSecond` times a second for `seconds`, then waits for every answer. */
export async function openLoop(
  perSecond: number,
  seconds: number,
  fire: (i: number) => Promise<void>,
): Promise<void> {
  const total = Math.round(perSecond * seconds);
  const interval = 1000 / perSecond;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(fire(i));
  }
  await Promise.all(inFlight);
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux clock ticks). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): utime is the 14th, stime the 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
