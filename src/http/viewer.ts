import { AppError } from './errors.js';
import type { Locale, Translate } from '../i18n/index.js';

/** Who is asking: the signed-in member a request acts for, as every feature sees them. */
export interface Viewer {
  id: number;
  handle: string;
  displayName: string;
  isAdmin: boolean;
  locale: Locale | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
    /** How the viewer proved who they are; cookie sessions get CSRF and origin checks. */
    authVia: 'cookie' | 'token' | null;
    /** When those credentials expire (null: never, or nobody is signed in). */
    authExpiresAt: number | null;
    locale: Locale;
    t: Translate;
  }
}

/** The signed-in viewer, or the "sign in first" error (a redirect on pages, 401 on the API). */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError('unauthenticated');
  return viewer;
}
