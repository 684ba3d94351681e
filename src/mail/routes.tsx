import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageContext, sendPage, writeLimit, type AppDeps } from '../http/index.js';
import { ConfirmUnsubscribe, UnsubscribeDone, UnsubscribeRefused } from './pages/unsubscribe.js';
import { unsubscribePath, type TokenReading } from './unsubscribe.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: the route takes no CSRF token (one-click unsubscribe; decision 009). */
    csrf?: boolean;
  }
}

type TokenRequest = FastifyRequest<{ Params: { token: string } }>;

// A forged link is a bad request; an expired one is gone.
const refusalStatus = { invalid: 400, expired: 410 } as const;

function refuse(req: FastifyRequest, reply: FastifyReply, reading: TokenReading & { ok: false }) {
  const ctx = pageContext(req, reply);
  const settingsPath = reading.reason === 'expired' ? reading.list.settingsPath : null;
  return sendPage(
    reply,
    ctx,
    req.t('mail.unsubscribe.title'),
    <UnsubscribeRefused ctx={ctx} reason={reading.reason} settingsPath={settingsPath} />,
    refusalStatus[reading.reason],
  );
}

/**
 * One-click unsubscription (RFC 8058), without a session: GET shows a button and changes
 * nothing (mail filters fetch links); POST — from that button, or from the mail client itself
 * — switches the list off. The signed, expiring token is the only authority.
 */
export function registerUnsubscribePages(app: FastifyInstance, deps: AppDeps): void {
  void app.register((scope, _opts, done) => {
    // RFC 8058 asks mail clients for multipart/form-data (or a urlencoded form): what it
    // carries says nothing the URL does not, so it is read and dropped.
    scope.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'buffer', bodyLimit: 4096 },
      (_req, _body, parsed) => parsed(null, {}),
    );
    const path = `${unsubscribePath}/:token`;

    scope.get(path, (req: TokenRequest, reply) => {
      const reading = deps.unsubscribe.read(req.params.token);
      if (!reading.ok) return refuse(req, reply, reading);
      const ctx = pageContext(req, reply);
      return sendPage(
        reply,
        ctx,
        req.t('mail.unsubscribe.title'),
        <ConfirmUnsubscribe ctx={ctx} what={reading.list.label(req.t)} action={req.url} />,
      );
    });

    scope.post(
      path,
      { config: { ...writeLimit(deps.limits), csrf: false } },
      async (req: TokenRequest, reply) => {
        const reading = deps.unsubscribe.read(req.params.token);
        if (!reading.ok) return refuse(req, reply, reading);
        const changed = await reading.list.apply(deps.store.db, reading.userId);
        const ctx = pageContext(req, reply);
        return sendPage(
          reply,
          ctx,
          req.t('mail.unsubscribe.title'),
          <UnsubscribeDone
            ctx={ctx}
            what={reading.list.label(req.t)}
            changed={changed}
            settingsPath={reading.list.settingsPath}
          />,
        );
      },
    );
    done();
  });
}
