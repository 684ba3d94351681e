import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Over HTTPS the session cookie is named `__Host-…`: the browser then takes it only from this
 * very origin, over TLS, for the whole site, so a sibling subdomain cannot plant one.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-ruche_session' : 'ruche_session';
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(sessionCookieName(secure), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: 30 * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  const secure = reply.server.cookieSecure;
  reply.clearCookie(sessionCookieName(secure), { path: '/', secure });
}

export function sessionTokenOf(req: FastifyRequest): string | undefined {
  return req.cookies[sessionCookieName(req.server.cookieSecure)];
}

export function bearerOf(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}
