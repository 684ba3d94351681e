/** A background task run on a fixed interval, never twice at once; a failure is logged, not fatal. */
export interface RecurringJob {
  stop(): Promise<void>;
}

export function every(
  intervalMs: number,
  task: () => Promise<unknown>,
  onError: (err: unknown) => void,
): RecurringJob {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => task().catch(onError));
  }, intervalMs);
  // The process may exit while the job waits for its next turn.
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
