/**
 * Work started by a request and finished after its answer went out (a mail to send), so the
 * answer's delay tells nothing of that work. A failure goes to `onError` with the work's name,
 * never unhandled.
 */
export interface Background {
  run(name: string, task: () => Promise<unknown>): void;
  /** Waits for what is still running, before the database closes; `maxMs` at most. */
  settle(maxMs?: number): Promise<void>;
}

export function createBackground(onError: (err: unknown, name: string) => void): Background {
  const running = new Set<Promise<unknown>>();
  return {
    run(name, task) {
      const done: Promise<unknown> = Promise.resolve()
        .then(task)
        .catch((err: unknown) => onError(err, name))
        .finally(() => running.delete(done));
      running.add(done);
    },
    async settle(maxMs = 10_000) {
      // An SMTP server that stops answering would otherwise hold a shutdown for minutes.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, maxMs);
        timer.unref();
      });
      await Promise.race([Promise.allSettled([...running]), late]);
      clearTimeout(timer);
    },
  };
}
