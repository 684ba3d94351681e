/**
 * Rows this process has logged, counted as they are written: a consumer nudged after a request
 * runs only if the count moved since its last run began (a rolled-back write counts too, and
 * costs one empty run).
 */
let logged = 0;

export function noteLogged(rows: number): void {
  logged += rows;
}

/** A consumer of the activity log kept close to it: nudged in-process, and polled. */
export interface LogFollower {
  /** Runs the consumer soon if this process logged rows since its last run began. */
  nudge(): void;
  /** Resolves once no run is going or waiting (tests, shutdown). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs `work` (one pass of a consumer: consumeLog) when nudged after this process logged rows,
 * and every `intervalMs` for the rows other instances wrote. Never two passes at once; nudges
 * during a pass coalesce into one more pass after it. A failure goes to `onError`; the next
 * nudge or tick tries again (the cursor did not move, so nothing is lost).
 */
export function followLog(
  work: () => Promise<unknown>,
  options: { intervalMs: number; onError: (err: unknown) => void },
): LogFollower {
  let running: Promise<void> | null = null;
  let again = false;
  let seen = -1;
  let stopped = false;
  const run = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    seen = logged;
    running = work()
      .then(
        () => undefined,
        (err: unknown) => options.onError(err),
      )
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const timer = options.intervalMs > 0 ? setInterval(run, options.intervalMs) : undefined;
  // The process may exit while the follower waits for its next turn.
  timer?.unref();
  const idle = async () => {
    while (running) await running;
  };
  return {
    nudge() {
      if (logged !== seen) run();
    },
    idle,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await idle();
    },
  };
}
