import type { z } from 'zod';
import { AppError } from './errors.js';

/** Turns a zod failure into the one input error, naming the first field that failed. */
export function toInputError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  // A schema's own rule (a refinement) names its message's translation key.
  if (issue?.code === 'custom' && issue.message.startsWith('error.')) {
    return new AppError('invalid_input', {
      ...(field ? { field } : {}),
      messageKey: issue.message,
    });
  }
  const kind =
    issue?.code === 'too_small' ? 'too_short' : issue?.code === 'too_big' ? 'too_long' : 'invalid';
  const limit =
    issue && 'minimum' in issue
      ? Number(issue.minimum)
      : issue && 'maximum' in issue
        ? Number(issue.maximum)
        : undefined;
  return new AppError('invalid_input', {
    ...(field ? { field } : {}),
    messageKey: `error.invalid_input.${kind}`,
    params: { field: field ?? '-', ...(limit !== undefined ? { limit } : {}) },
  });
}

/** Parses a page form (or any untrusted object) with a feature's schema, or throws the input error. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) throw toInputError(parsed.error);
  return parsed.data;
}
