import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { setFlash, type Flash } from './flash.js';
import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';

/** A page's title, and what search engines and link previews show of it (default: Ruche's tagline). */
export interface PageHead {
  title: string;
  description?: string;
}

/** A whole HTML document: the page inside the layout; Preact escapes every interpolated string. */
export function renderDocument(ctx: PageContext, head: string | PageHead, body: VNode): string {
  const { title, description } = typeof head === 'string' ? { title: head } : head;
  const html = render(
    <Layout ctx={ctx} title={title} description={description}>
      {body}
    </Layout>,
  );
  return `<!doctype html>${html}`;
}

/** Renders a page inside the layout and sends it. */
export function sendPage(
  reply: FastifyReply,
  ctx: PageContext,
  head: string | PageHead,
  body: VNode,
  status = 200,
): FastifyReply {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderDocument(ctx, head, body));
}

/** Redirect after a successful form post (POST/redirect/GET), with what it did to say there. */
export function redirectAfterPost(
  reply: FastifyReply,
  location: string,
  flash?: Flash,
): FastifyReply {
  if (flash) setFlash(reply, flash);
  return reply.redirect(location, 303);
}
