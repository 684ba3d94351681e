import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canManageCommunity, isActiveMember, type CommunityAccess } from '../communities/index.js';
import {
  formBody,
  pageContext,
  parseInput,
  redirectAfterPost,
  requireViewer,
  sendFormPage,
  sendPage,
  writeLimit,
  type AppDeps,
  type FormBody,
  type PageContext,
} from '../http/index.js';
import { BuddiesPage } from './pages/buddies.js';
import { AssignBuddyPage } from './pages/choice.js';
import { buddiesPath } from './paths.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

export function registerBuddiesPages(app: FastifyInstance, deps: AppDeps) {
  const { store } = deps;
  const write = { config: writeLimit(deps.limits) };
  const slugOf = (req: FastifyRequest) => parseInput(schemas.slugParams, req.params).slug;

  app.get('/c/:slug/buddies', async (req, reply) => {
    const access = await service.requireBuddiesPage(store, requireViewer(req.viewer), {
      slug: slugOf(req),
    });
    const [isVolunteering, volunteers] = await Promise.all([
      service.isVolunteering(store, access),
      canManageCommunity(access) ? service.volunteersOf(store, access) : undefined,
    ]);
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t('buddies.title', { community: access.community.name }),
      <BuddiesPage
        ctx={ctx}
        community={access.community}
        isMember={isActiveMember(access)}
        isVolunteering={isVolunteering}
        activeDays={service.ACTIVE_DAYS}
        volunteers={volunteers}
      />,
    );
  });

  app.post('/c/:slug/buddies', write, async (req, reply) => {
    const access = await service.requireBuddiesPage(store, requireViewer(req.viewer), {
      slug: slugOf(req),
    });
    const wants = formBody(req).volunteer === 'yes';
    if (wants) await service.volunteer(store, access);
    else await service.withdraw(store, access);
    return redirectAfterPost(reply, buddiesPath(access.community.slug), {
      key: wants ? 'buddies.flash.volunteered' : 'buddies.flash.withdrawn',
    });
  });

  const assignPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    access: CommunityAccess,
    userId: number,
    kept?: { values: FormBody; err: unknown },
  ) => {
    const view = await service.newcomerBuddy(store, access, userId);
    const title = req.t('buddies.assign.title', { name: view.newcomer.displayName });
    const render = (
      ctx: PageContext,
      failure?: Parameters<typeof AssignBuddyPage>[0]['failure'],
    ) => (
      <AssignBuddyPage
        ctx={ctx}
        community={access.community}
        newcomer={view.newcomer}
        proposals={view.proposals}
        current={view.buddy}
        value={kept?.values.buddyId}
        failure={failure}
      />
    );
    return sendFormPage(req, reply, title, render, kept);
  };

  app.get('/c/:slug/buddies/:userId', async (req, reply) => {
    const { slug, userId } = parseInput(schemas.slugNewcomerParams, req.params);
    const access = await service.requireBuddyStaff(store, requireViewer(req.viewer), { slug });
    return assignPage(req, reply, access, userId);
  });

  app.post('/c/:slug/buddies/:userId', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const { slug, userId } = parseInput(schemas.slugNewcomerParams, req.params);
    const access = await service.requireBuddyStaff(store, viewer, { slug });
    const form = formBody(req);
    let done;
    try {
      const buddyId = parseBuddyChoice(form.buddyId);
      if (buddyId === undefined) return redirectAfterPost(reply, buddiesPath(slug));
      done = await service.assignBuddy(store, viewer, access, userId, buddyId);
    } catch (err) {
      return assignPage(req, reply, access, userId, { values: form, err });
    }
    return redirectAfterPost(reply, buddiesPath(access.community.slug), {
      key: 'buddies.flash.assigned',
      params: { buddy: done.buddy.displayName, newcomer: done.newcomer.displayName },
    });
  });
}

/** The form's buddy choice: a volunteer's id, or nothing ("no buddy", "keep the current one"). */
function parseBuddyChoice(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  return parseInput(schemas.assignInput, { buddyId: value }).buddyId;
}
