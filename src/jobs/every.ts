/** A background task run on a fixed interval, never twice at once; a failure is logged, not fatal. */
export interface RecurringJob {
  stop(): Promise<void>;
}

export function every(
  intervalMs: number,
  task: () => Promise<unknown>,
  onError: (err: unknown) => void,
  options: { now?: boolean } = {},
): RecurringJob {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = running.then(() => task().catch(onError));
  };
  // `now`: a first run at once, for work that may be waiting since before the start.
  if (options.now) run();
  const timer = setInterval(run, intervalMs);
  // The process may exit while the job waits for its next turn.
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
