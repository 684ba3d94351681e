import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';

/** Renders a page inside the layout and sends it; Preact escapes every interpolated string. */
export function sendPage(
  reply: FastifyReply,
  ctx: PageContext,
  title: string,
  body: VNode,
  status = 200,
): FastifyReply {
  const html = render(
    <Layout ctx={ctx} title={title}>
      {body}
    </Layout>,
  );
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(`<!doctype html>${html}`);
}

/** Redirect after a successful form post (POST/redirect/GET). */
export function redirectAfterPost(reply: FastifyReply, location: string): FastifyReply {
  return reply.redirect(location, 303);
}
