import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorPage } from './error-page.js';
import { AppError, type ErrorCode } from './errors.js';
import { pageContext } from './page-context.js';
import { sendPage } from './render.js';

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_CSRF_INVALID_TOKEN: 'csrf_failed',
  FST_CSRF_MISSING_SECRET: 'csrf_failed',
};

/** Anything thrown becomes an AppError: ours as is, the framework's by code, the rest internal. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as Partial<FastifyError>;
  const mapped = e.code ? fastifyCodes[e.code] : undefined;
  if (mapped) return new AppError(mapped);
  if (e.statusCode === 429) return new AppError('rate_limited');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError('malformed_request');
  }
  return new AppError('internal');
}

export function isApiRequest(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/');
}

export function errorMessage(req: FastifyRequest, error: AppError): string {
  return req.t(error.details.messageKey ?? `error.${error.code}`, error.details.params);
}

/** `Retry-After` when the failure says when to come back. */
export function sendRetryAfter(reply: FastifyReply, seconds: number | undefined): void {
  if (seconds !== undefined) reply.header('retry-after', String(Math.max(1, Math.ceil(seconds))));
}

function sendErrorPage(req: FastifyRequest, reply: FastifyReply, error: AppError) {
  if (error.code === 'unauthenticated') {
    return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
  }
  const ctx = pageContext(req, reply);
  const isNotFound = error.code === 'not_found';
  const title = req.t(isNotFound ? 'page.notFound.title' : 'page.error.title');
  const message = isNotFound ? req.t('page.notFound.body') : errorMessage(req, error);
  return sendPage(
    reply,
    ctx,
    title,
    ErrorPage({ ctx, title, message, isAlert: !isNotFound }),
    error.status,
  );
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const error = toAppError(err);
    if (error.code === 'internal') req.log.error({ err }, 'unhandled error');
    sendRetryAfter(reply, error.details.retryAfterSeconds);
    if (isApiRequest(req)) {
      return reply.status(error.status).send({
        error: {
          code: error.code,
          message: errorMessage(req, error),
          ...(error.details.field ? { field: error.details.field } : {}),
        },
      });
    }
    return sendErrorPage(req, reply, error);
  });
  app.setNotFoundHandler((req, reply) => {
    const error = new AppError('not_found');
    if (isApiRequest(req)) {
      return reply
        .status(404)
        .send({ error: { code: error.code, message: errorMessage(req, error) } });
    }
    return sendErrorPage(req, reply, error);
  });
}
