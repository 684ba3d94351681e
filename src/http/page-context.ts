import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale, Translate } from '../i18n/index.js';
import { takeFlash } from './flash.js';
import type { Viewer } from './viewer.js';

/** What every page component needs: who reads, in which language, and the form token. */
export interface PageContext {
  t: Translate;
  locale: Locale;
  viewer: Viewer | null;
  csrf: string;
  path: string;
  /** A confirmation of what the viewer's last form did, shown once (translated). */
  flash: string | undefined;
  /** The signed-in member's unread notifications, for the header; null for anyone else. */
  unreadNotifications?: number | null;
  /** The viewer's unread private messages, for the header's "Messages" link. */
  unreadMessages?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Counted before the page's handler runs (src/notifications), null when not counted. */
    unreadNotifications: number | null;
    /** Set by the composition root for a signed-in viewer's page requests (0 otherwise). */
    unreadMessages: number;
  }
}

export function pageContext(req: FastifyRequest, reply: FastifyReply): PageContext {
  const flash = takeFlash(req, reply);
  return {
    t: req.t,
    locale: req.locale,
    viewer: req.viewer,
    csrf: reply.csrfToken(),
    path: req.url,
    flash: flash ? req.t(flash.key, flash.params) : undefined,
    unreadNotifications: req.viewer ? req.unreadNotifications : null,
    unreadMessages: req.unreadMessages,
  };
}
