import { describe, expect, it } from 'vitest';
import { createBackground } from './background.js';

describe('background work', () => {
  it('runs after the caller returns, hands failures to onError, and settles', async () => {
    const failures: [unknown, string][] = [];
    const later = createBackground((err, name) => failures.push([err, name]));
    const done: string[] = [];
    later.run('slow', async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      done.push('slow');
    });
    later.run('broken', () => Promise.reject(new Error('smtp down')));
    expect(done).toEqual([]);
    await later.settle();
    expect(done).toEqual(['slow']);
    expect(failures).toEqual([[new Error('smtp down'), 'broken']]);
  });

  it('stops waiting for a task that hangs after maxMs', async () => {
    const later = createBackground(() => undefined);
    later.run('hangs', () => new Promise(() => undefined));
    const start = Date.now();
    await later.settle(50);
    expect(Date.now() - start).toBeLessThan(1000);
  });
});
