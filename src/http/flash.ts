import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Params } from '../i18n/index.js';

/**
 * A confirmation shown once on the page a form redirects to ("Bienvenue…", "Réponse
 * publiée"): a short-lived signed cookie, so it works without JavaScript and cannot be forged
 * into another message. It carries a message key and its parameters, translated when shown.
 */
export interface Flash {
  key: string;
  params?: Params | undefined;
}

const FLASH_COOKIE = 'ruche_flash';
// Long enough for the redirect to be followed on a slow phone, short enough not to surprise later.
const FLASH_SECONDS = 60;

// Only a feature's flash messages may be named, never any other string of the catalogues.
const flashShape = z.object({
  key: z.string().regex(/^[a-z]+\.flash\.[A-Za-z]+$/),
  params: z.record(z.string(), z.union([z.string().max(300), z.number()])).optional(),
});

export function setFlash(reply: FastifyReply, flash: Flash): void {
  reply.setCookie(FLASH_COOKIE, JSON.stringify(flash), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: reply.request.protocol === 'https',
    signed: true,
    maxAge: FLASH_SECONDS,
  });
}

/** The flash this request carries, if any, cleared so that it shows once. */
export function takeFlash(req: FastifyRequest, reply: FastifyReply): Flash | undefined {
  const raw = req.cookies[FLASH_COOKIE];
  if (raw === undefined) return undefined;
  reply.clearCookie(FLASH_COOKIE, { path: '/' });
  const unsigned = req.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return undefined;
  try {
    const parsed = flashShape.safeParse(JSON.parse(unsigned.value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
