import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { sendRetryAfter } from './error-handler.js';
import { asFormFailure, type FormFailure } from './form-failure.js';
import { pageContext, type PageContext } from './page-context.js';
import { sendPage } from './render.js';

/** Shows a form again with the reason it failed, at the failure's status (4xx only). */
export function resendForm(
  req: FastifyRequest,
  reply: FastifyReply,
  err: unknown,
  title: string,
  render: (ctx: PageContext, failure: FormFailure) => VNode,
): FastifyReply {
  const failure = asFormFailure(req, err);
  sendRetryAfter(reply, failure.retryAfterSeconds);
  const ctx = pageContext(req, reply);
  return sendPage(reply, ctx, title, render(ctx, failure), failure.status);
}

/**
 * A form page: as asked for, or — when `kept` holds what a submission failed with — again with
 * that failure and the typed values the render keeps.
 */
export function sendFormPage(
  req: FastifyRequest,
  reply: FastifyReply,
  title: string,
  render: (ctx: PageContext, failure?: FormFailure) => VNode,
  kept?: { err: unknown },
): FastifyReply {
  if (kept) return resendForm(req, reply, kept.err, title, render);
  const ctx = pageContext(req, reply);
  return sendPage(reply, ctx, title, render(ctx));
}
