import type { z } from 'zod';
import type { Translate } from '../i18n/index.js';
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
  const { kind, limit } = describeIssue(issue);
  return new AppError('invalid_input', {
    ...(field ? { field } : {}),
    messageKey: `error.invalid_input.${kind}`,
    params: { field: field ?? '-', ...(limit !== undefined ? { limit } : {}) },
  });
}

/**
 * Which message an issue gets: a text too short or too long counts characters, a number too
 * small or too big names its bound (strictly, for `.positive()`); anything else is "invalid".
 */
function describeIssue(issue: z.core.$ZodIssue | undefined): { kind: string; limit?: number } {
  if (issue?.code !== 'too_small' && issue?.code !== 'too_big') return { kind: 'invalid' };
  const isSmall = issue.code === 'too_small';
  const limit = Number(isSmall ? issue.minimum : issue.maximum);
  if (issue.origin === 'string') return { kind: isSmall ? 'too_short' : 'too_long', limit };
  if (issue.origin === 'number' || issue.origin === 'int') {
    const kind = isSmall ? 'too_small' : 'too_big';
    return { kind: issue.inclusive === false ? `${kind}_exclusive` : kind, limit };
  }
  return { kind: 'invalid' };
}

/**
 * A field as its reader knows it: its label in the reader's language (`field.<path>`, then
 * `field.<last part of the path>`), or the path itself when no label exists.
 */
export function fieldLabel(t: Translate, field: string): string {
  const last = field.split('.').pop() ?? field;
  for (const key of [`field.${field}`, `field.${last}`]) {
    const label = t(key);
    if (label !== key) return label;
  }
  return field;
}

/** Parses a page form (or any untrusted object) with a feature's schema, or throws the input error. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) throw toInputError(parsed.error);
  return parsed.data;
}
