/**
 * Work started by a request and finished after its answer went out (a mail to send), so the
 * answer's delay tells nothing of that work. A failure goes to `onError` with the work's name,
 * never unhandled; `settle` waits for what is still running, before the database closes.
 */
export interface Background {
  run(name: string, task: () => Promise<unknown>): void;
  settle(): Promise<void>;
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
    async settle() {
      await Promise.allSettled([...running]);
    },
  };
}
