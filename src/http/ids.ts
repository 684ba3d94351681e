import { z } from 'zod';

/**
 * An id in a path or a query: decimal digits only. `z.coerce.number()` would also take "0x10"
 * (16), "1e3", " 7" or "" (0), so one resource would answer at many addresses.
 */
export function idParam(description: string) {
  return z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/)
    .transform(Number)
    .pipe(z.number().int().max(Number.MAX_SAFE_INTEGER))
    .describe(description);
}
