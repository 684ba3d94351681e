import type { FastifyRequest } from 'fastify';
import { errorMessage, toAppError } from './error-handler.js';

export interface FormFailure {
  status: number;
  message: string;
  field: string | undefined;
  retryAfterSeconds?: number;
}

/**
 * A page form that failed is shown again with its message; only input-like failures
 * (4xx other than sign-in and not-found) and a busy server (503, worth a retry with what was
 * typed) are, the rest go to the error handler.
 */
export function asFormFailure(req: FastifyRequest, err: unknown): FormFailure {
  const error = toAppError(err);
  const isRetryable = error.code === 'unavailable';
  if (
    (error.status >= 500 && !isRetryable) ||
    error.code === 'not_found' ||
    error.code === 'unauthenticated'
  )
    throw err;
  return {
    status: error.status,
    message: errorMessage(req, error),
    field: error.details.field,
    ...(error.details.retryAfterSeconds !== undefined
      ? { retryAfterSeconds: error.details.retryAfterSeconds }
      : {}),
  };
}

/** Only same-site paths are followed after sign-in, never another origin. */
export function safeNext(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : undefined;
}

export type FormBody = Record<string, string | undefined>;

export function formBody(req: FastifyRequest): FormBody {
  const body = req.body;
  if (!body || typeof body !== 'object') return {};
  const out: FormBody = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}
