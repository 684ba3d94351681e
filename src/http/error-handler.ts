import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { csrfCookieName } from './csrf-cookie.js';
import { ErrorPage } from './error-page.js';
import { AppError, type ErrorCode } from './errors.js';
import { keptInput, type KeptInput } from './kept-input.js';
import { pageContext, type PageContext } from './page-context.js';
import { renderDocument, sendPage } from './render.js';
import { fieldLabel } from './validation.js';
import type { Translate } from '../i18n/index.js';

const fastifyCodes: Record<string, ErrorCode | [ErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_CSRF_INVALID_TOKEN: 'csrf_failed',
  FST_CSRF_MISSING_SECRET: 'csrf_failed',
  FST_ERR_BAD_URL: ['malformed_request', 'error.malformed_request.url'],
  FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long',
};

/** Anything thrown becomes an AppError: ours as is, the framework's by code, the rest internal. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as Partial<FastifyError>;
  const mapped = e.code ? fastifyCodes[e.code] : undefined;
  if (typeof mapped === 'string') return new AppError(mapped);
  if (mapped) return new AppError(mapped[0], { messageKey: mapped[1] });
  if (e.statusCode === 429) return new AppError('rate_limited');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError('malformed_request');
  }
  return new AppError('internal');
}

export function isApiRequest(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/');
}

/** An error in the reader's words, a field named by its label ("Mot de passe"), not its code. */
export function errorMessage(req: { t: Translate }, error: AppError): string {
  const params = error.details.params;
  const field = params?.field;
  return req.t(
    error.details.messageKey ?? `error.${error.code}`,
    typeof field === 'string' ? { ...params, field: fieldLabel(req.t, field) } : params,
  );
}

/** `Retry-After` when the failure says when to come back. */
export function sendRetryAfter(reply: FastifyReply, seconds: number | undefined): void {
  if (seconds !== undefined) reply.header('retry-after', String(Math.max(1, Math.ceil(seconds))));
}

/** The API's error shape: `{error:{code,message,field?}}`, the message in the reader's language. */
export function errorBody(req: { t: Translate }, error: AppError) {
  return {
    error: {
      code: error.code,
      message: errorMessage(req, error),
      ...(error.details.field ? { field: error.details.field } : {}),
    },
  };
}

/** The error page's document (title, message, a way home), for a page request that failed. */
export function errorDocument(ctx: PageContext, error: AppError): string {
  const { title, body } = errorPage(ctx, error);
  return renderDocument(ctx, title, body);
}

// Refusals that sending the same form again can get past: an expired form, posting too fast.
const PASSING: ReadonlySet<ErrorCode> = new Set(['csrf_failed', 'rate_limited']);

function errorPage(ctx: PageContext, error: AppError, kept?: KeptInput) {
  // A not-found about a field the form named (an unknown handle) says so; the page's own, not.
  const isNotFound = error.code === 'not_found' && error.details.field === undefined;
  const title = ctx.t(isNotFound ? 'page.notFound.title' : 'page.error.title');
  const message = isNotFound ? ctx.t('page.notFound.body') : errorMessage(ctx, error);
  const body = ErrorPage({
    ctx,
    title,
    message,
    isAlert: !isNotFound || kept !== undefined,
    kept: kept && { input: kept, canResend: PASSING.has(error.code) },
  });
  return { title, body };
}

/**
 * A form whose token was made for a session that has since ended (signed out in another tab)
 * fails the CSRF check with its cookie still there: the member must sign in again, not reload.
 */
function sessionEnded(req: FastifyRequest, error: AppError): boolean {
  return (
    error.code === 'csrf_failed' &&
    req.viewer === null &&
    req.cookies[csrfCookieName(req.server.cookieSecure)] !== undefined
  );
}

function sendErrorPage(req: FastifyRequest, reply: FastifyReply, failure: AppError) {
  const error = sessionEnded(req, failure) ? new AppError('unauthenticated') : failure;
  const kept = keptInput(req);
  // Without typed text to keep, an ended session goes to sign-in and comes back.
  if (error.code === 'unauthenticated' && !kept) {
    return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
  }
  const ctx = pageContext(req, reply);
  const { title, body } = errorPage(ctx, error, kept);
  return sendPage(reply, ctx, title, body, error.status);
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const error = toAppError(err);
    if (error.code === 'internal') req.log.error({ err }, 'unhandled error');
    sendRetryAfter(reply, error.details.retryAfterSeconds);
    if (isApiRequest(req)) {
      return reply.status(error.status).send(errorBody(req, error));
    }
    return sendErrorPage(req, reply, error);
  });
  app.setNotFoundHandler((req, reply) => {
    const error = new AppError('not_found');
    if (isApiRequest(req)) {
      return reply.status(404).send(errorBody(req, error));
    }
    return sendErrorPage(req, reply, error);
  });
}
