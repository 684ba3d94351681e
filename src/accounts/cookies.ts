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

/**
 * A browser the member has signed in from: a signed cookie naming the account and a random
 * nonce. Its failed sign-ins are counted apart from the account's (src/accounts/sign-in-throttle.ts).
 */
export const DEVICE_COOKIE = 'ruche_device';

export interface KnownDevice {
  userId: number;
  nonce: string;
}

export function knownDeviceOf(req: FastifyRequest): KnownDevice | undefined {
  const raw = req.cookies[DEVICE_COOKIE];
  if (!raw) return undefined;
  const { valid, value } = req.unsignCookie(raw);
  const match = valid && value ? /^(\d{1,15})\.([\w-]{20,100})$/.exec(value) : null;
  return match ? { userId: Number(match[1]), nonce: match[2] ?? '' } : undefined;
}

export function setDeviceCookie(reply: FastifyReply, device: KnownDevice, secure: boolean): void {
  reply.setCookie(DEVICE_COOKIE, `${device.userId}.${device.nonce}`, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    signed: true,
    maxAge: 365 * 86_400,
  });
}

/** After a sign-up or sign-in: the session, and the device cookie that now knows the account. */
export function setSignedInCookies(
  reply: FastifyReply,
  signedIn: { sessionToken: string; device: KnownDevice },
  secure: boolean,
): void {
  setSessionCookie(reply, signedIn.sessionToken, secure);
  setDeviceCookie(reply, signedIn.device, secure);
}
