/** Every failure a service can report, with the HTTP status it becomes at the edge. */
export const errorStatus = {
  invalid_input: 400,
  malformed_request: 400,
  unauthenticated: 401,
  bad_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  request_timeout: 408,
  conflict: 409,
  email_taken: 409,
  slug_taken: 409,
  charter_not_accepted: 409,
  charter_outdated: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  rate_limited: 429,
  headers_too_large: 431,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface ErrorDetails {
  field?: string;
  /** A more precise translation key than `error.<code>`. */
  messageKey?: string;
  params?: Record<string, string | number>;
  /** Sent as `Retry-After` (429, 503): when the same request may succeed. */
  retryAfterSeconds?: number;
}

/** The one error type services throw; the edge turns it into `{error:{code,message}}`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetails = {},
  ) {
    super(code);
    this.name = 'AppError';
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function notFound(): AppError {
  return new AppError('not_found');
}

export function forbidden(messageKey?: string): AppError {
  return new AppError('forbidden', messageKey ? { messageKey } : {});
}
