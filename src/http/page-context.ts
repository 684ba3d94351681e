import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale, Translate } from '../i18n/index.js';
import type { Viewer } from './viewer.js';

/** What every page component needs: who reads, in which language, and the form token. */
export interface PageContext {
  t: Translate;
  locale: Locale;
  viewer: Viewer | null;
  csrf: string;
  path: string;
}

export function pageContext(req: FastifyRequest, reply: FastifyReply): PageContext {
  return {
    t: req.t,
    locale: req.locale,
    viewer: req.viewer,
    csrf: reply.csrfToken(),
    path: req.url,
  };
}
