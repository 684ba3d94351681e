import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findUsersByHandles } from '../accounts/index.js';
import { now } from '../db/index.js';
import {
  AppError,
  formBody,
  pageContext,
  redirectAfterPost,
  requireViewer,
  sendFormPage,
  sendPage,
  writeLimit,
  type AppDeps,
  type FormBody,
  type FormFailure,
  type PageContext,
  type Viewer,
} from '../http/index.js';
import { MemberTrustPage, OwnTrustPage } from './pages/trust.js';
import { memberTrustPath, ownTrustPath } from './paths.js';
import * as service from './service.js';

export function registerTrustPages(app: FastifyInstance, deps: AppDeps): void {
  const { store } = deps;

  app.get(ownTrustPath(), async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const trust = await service.ownTrust(store, viewer, now());
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t('trust.page.title'),
      <OwnTrustPage ctx={ctx} trust={trust} />,
    );
  });

  /** The member named in the address, for an instance admin only (404 for anyone else). */
  const memberOf = async (req: FastifyRequest, viewer: Viewer) => {
    if (!viewer.isAdmin) throw new AppError('not_found');
    const { handle } = req.params as { handle: string };
    const [user] = await findUsersByHandles(store.db, [handle]);
    if (!user) throw new AppError('not_found');
    return service.memberTrust(store, viewer, Number(user.id), now());
  };

  const memberPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    viewer: Viewer,
    kept?: { values: FormBody; err: unknown },
  ) => {
    const { member, trust } = await memberOf(req, viewer);
    const title = req.t('trust.admin.title', { name: member.displayName });
    const render = (ctx: PageContext, failure?: FormFailure) => (
      <MemberTrustPage
        ctx={ctx}
        member={member}
        trust={trust}
        values={kept?.values}
        failure={failure}
      />
    );
    return sendFormPage(req, reply, title, render, kept);
  };

  app.get('/admin/users/:handle/trust', (req, reply) =>
    memberPage(req, reply, requireViewer(req.viewer)),
  );

  app.post(
    '/admin/users/:handle/trust',
    { config: writeLimit(deps.limits) },
    async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      const { member } = await memberOf(req, viewer);
      const form = formBody(req);
      try {
        const level = (form.level ?? '').trim();
        await service.setTrust(
          store,
          viewer,
          member.id,
          { level: /^\d$/.test(level) ? Number(level) : Number.NaN, locked: form.locked === '1' },
          now(),
        );
      } catch (err) {
        return memberPage(req, reply, viewer, { values: form, err });
      }
      return redirectAfterPost(reply, memberTrustPath(member.handle), { key: 'trust.admin.saved' });
    },
  );
}
