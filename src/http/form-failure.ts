import type { FastifyRequest } from 'fastify';
import { errorMessage, toAppError } from './error-handler.js';

export interface FormFailure {
  status: number;
  message: string;
  field: string | undefined;
  retryAfterSeconds?: number;
}

/**
/**
 * A page form that failed is shown again with its message; only input-like failures are: 4xx
 * other than sign-in, a not-found only when about a field the form sent (a group no longer open
 * to the member), not the page itself, and a busy server (503, worth a retry with what was
 * typed). The rest go to the error handler.
 */
export function asFormFailure(req: FastifyRequest, err: unknown): FormFailure {
  const error = toAppError(err);
  const isPageMissing = error.code === 'not_found' && error.details.field === undefined;
  const isRetryable = error.code === 'unavailable';
  if ((error.status >= 500 && !isRetryable) || isPageMissing || error.code === 'unauthenticated')
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

// Control characters, raw or percent-encoded: browsers drop tabs and newlines from a URL (so
// "/\t/evil.example" is followed as "//evil.example"), and CR or LF cannot go into a header.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u001f\u007f]|%[01][0-9a-f]|%7f/i;

/**
 * Only a same-origin path is followed after sign-in or a change of language: one slash, then
 * anything but a slash, a backslash or a control character (decoded or not); else undefined.
 */
export function safeNext(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2000) return undefined;
  if (CONTROL.test(value) || value.includes('\\') || /%5c/i.test(value)) return undefined;
  try {
    const decoded = decodeURIComponent(value);
    if (/^\/[/\\]/.test(value) || /^\/[/\\]/.test(decoded)) return undefined;
    // The Location header takes ASCII only: what else the path holds goes percent-encoded.
    return value.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
  } catch {
    // A malformed escape, or a lone surrogate that no URL can carry.
    return undefined;
  }
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
