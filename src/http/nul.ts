import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

/**
 * Where a NUL character sits in parsed input (a dotted path, "-" for a key), or undefined.
 * Walked with a stack, not recursion: a 512 KB body can nest arrays 250,000 deep.
 */
export function findNul(input: unknown): string | undefined {
  const pending: { value: unknown; path: string }[] = [{ value: input, path: '' }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path || '-';
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\u0000')) return '-';
        pending.push({ value: item, path: path ? `${path}.${key}` : key });
      }
    }
  }
  return undefined;
}

/**
 * PostgreSQL refuses a NUL in text where SQLite stores it; no person types one. It is refused
 * once here, in a path, a query or a body, so that both engines answer the same 400.
 */
export function refuseNulInput(app: FastifyInstance): void {
  app.addHook('preValidation', (req, _reply, done) => {
    const field = findNul(req.params) ?? findNul(req.query) ?? findNul(req.body);
    if (field === undefined) return done();
    done(
      new AppError('invalid_input', {
        ...(field !== '-' ? { field } : {}),
        messageKey: 'error.invalid_input.nul',
        params: { field },
      }),
    );
  });
}
