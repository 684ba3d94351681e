import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  asFormFailure,
  resendForm,
  formBody,
  pageContext,
  parseInput,
  redirectAfterPost,
  requireViewer,
  sendPage,
  writeLimit,
  type AppDeps,
  type FormFailure,
} from '../http/index.js';
import { requireVisibleCommunity } from './access.js';
import { CharterPage } from './pages/charter.js';
import { CommunityForm, GroupForm, PublishCharterForm } from './pages/forms.js';
import { HomePage } from './pages/home.js';
import { MembersPage } from './pages/members.js';
import { communityPath, firstStepsPath, groupPath } from './paths.js';
import { canManageCommunity, isActiveMember } from './policy.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

type SlugParams = { slug: string };
type GroupParams = { slug: string; group: string };

/** A form's "show the purpose" box: a browser sends it only when ticked. */
const withPurposeBox = (form: Record<string, string | undefined>) => ({
  ...form,
  purposePublic: form.purposePublic === '1',
});

export function registerCommunitiesPages(app: FastifyInstance, deps: AppDeps): void {
  const { store } = deps;
  const write = { config: writeLimit(deps.limits) };
  const slugOf = (req: FastifyRequest) => (req.params as SlugParams).slug;
  const communityOf = (req: FastifyRequest) =>
    requireVisibleCommunity(store.db, req.viewer, { slug: slugOf(req) });

  app.get('/', async (req, reply) => {
    const communities = await service.listVisibleCommunities(store, req.viewer);
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t('communities.home.title'),
      <HomePage ctx={ctx} communities={communities} />,
    );
  });

  app.get('/communities/new', (req, reply) => {
    service.requireCommunityCreator(req.viewer);
    const ctx = pageContext(req, reply);
    return sendPage(reply, ctx, req.t('communities.new.title'), <CommunityForm ctx={ctx} />);
  });

  app.post('/communities/new', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const form = formBody(req);
    try {
      const input = parseInput(schemas.communityInput, withPurposeBox(form));
      await service.createCommunity(store, viewer, input);
      return redirectAfterPost(reply, communityPath(input.slug), {
        key: 'communities.flash.created',
        params: { name: input.name },
      });
    } catch (err) {
      return resendForm(req, reply, err, req.t('communities.new.title'), (ctx, failure) => (
        <CommunityForm ctx={ctx} values={form} failure={failure} />
      ));
    }
  });

  async function showCharter(
    req: FastifyRequest,
    reply: FastifyReply,
    failure?: ReturnType<typeof asFormFailure>,
  ) {
    const { version } = parseInput(schemas.charterQuery, req.query);
    const view = await service.getCharterHistory(store, req.viewer, { slug: slugOf(req) }, version);
    const ctx = pageContext(req, reply);
    const title = req.t('communities.charter.title', { name: view.access.community.name });
    return sendPage(
      reply,
      ctx,
      title,
      <CharterPage
        ctx={ctx}
        access={view.access}
        charter={view.charter}
        versions={view.versions}
        accepted={view.accepted}
        failure={failure}
      />,
      failure?.status ?? 200,
    );
  }

  app.get('/c/:slug/charter', (req, reply) => showCharter(req, reply));

  app.post('/c/:slug/join', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const access = await communityOf(req);
    const form = formBody(req);
    try {
      if (form.accept !== '1') throw new AppError('charter_not_accepted', { field: 'accept' });
      const { charterVersion } = parseInput(schemas.joinInput, form);
      const { status } = await service.joinCommunity(
        store,
        viewer,
        access.community.id,
        charterVersion,
      );
      // A new member lands on the community's first steps; a request waits, a member who
      // accepted a new charter goes back to the community.
      const isNewMember = status !== 'pending' && !isActiveMember(access);
      const slug = access.community.slug;
      return redirectAfterPost(reply, isNewMember ? firstStepsPath(slug) : communityPath(slug), {
        key:
          status === 'pending'
            ? 'communities.flash.requested'
            : isActiveMember(access)
              ? 'communities.flash.charterAccepted'
              : 'communities.flash.joined',
        params: { name: access.community.name, version: charterVersion },
      });
    } catch (err) {
      return showCharter(req, reply, asFormFailure(req, err));
    }
  });

  app.post('/c/:slug/leave', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const access = await communityOf(req);
    await service.leaveCommunity(store, viewer, access.community.id);
    return redirectAfterPost(reply, '/', {
      key: 'communities.flash.left',
      params: { name: access.community.name },
    });
  });

  async function showSettings(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: {
      values?: Record<string, string | undefined>;
      failure?: ReturnType<typeof asFormFailure>;
      saved?: boolean;
      /** A charter refused: its form again, with what was typed and why. */
      charter?: { values: Record<string, string | undefined>; failure: FormFailure };
    } = {},
  ) {
    const view = await service.getCommunityToManage(store, req.viewer, slugOf(req));
    const ctx = pageContext(req, reply);
    const c = view.access.community;
    return sendPage(
      reply,
      ctx,
      req.t('communities.settings.title', { name: c.name }),
      <>
        <CommunityForm
          ctx={ctx}
          community={c}
          values={extra.values}
          failure={extra.failure}
          saved={extra.saved}
        />
        <PublishCharterForm
          ctx={ctx}
          community={c}
          current={view.charter?.body ?? ''}
          values={extra.charter?.values}
          failure={extra.charter?.failure}
        />
      </>,
      extra.failure?.status ?? extra.charter?.failure.status ?? 200,
    );
  }

  app.get('/c/:slug/settings', (req, reply) =>
    showSettings(req, reply, { saved: (req.query as { saved?: string }).saved === '1' }),
  );

  app.post('/c/:slug/settings', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const access = await communityOf(req);
    const form = formBody(req);
    try {
      await service.updateCommunity(
        store,
        viewer,
        access.community.id,
        parseInput(schemas.communityPatch, withPurposeBox(form)),
      );
      return redirectAfterPost(reply, `${communityPath(access.community.slug)}/settings?saved=1`);
    } catch (err) {
      return showSettings(req, reply, { values: form, failure: asFormFailure(req, err) });
    }
  });

  app.post('/c/:slug/charter/publish', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const access = await communityOf(req);
    const form = formBody(req);
    try {
      const { body } = parseInput(schemas.charterInput, form);
      const version = await service.publishCharter(store, viewer, access.community.id, body);
      return redirectAfterPost(reply, `${communityPath(access.community.slug)}/charter`, {
        key: 'communities.flash.charterPublished',
        params: { version },
      });
    } catch (err) {
      return showSettings(req, reply, {
        charter: { values: form, failure: asFormFailure(req, err) },
      });
    }
  });

  app.get('/c/:slug/members', async (req, reply) => {
    const access = await communityOf(req);
    const members = await service.listMembers(store, req.viewer, access.community.id, {
      limit: 500,
      offset: 0,
    });
    const ctx = pageContext(req, reply);
    const title = req.t('communities.members.title', { name: access.community.name });
    return sendPage(
      reply,
      ctx,
      title,
      <MembersPage
        ctx={ctx}
        access={access}
        members={members}
        canManage={canManageCommunity(access)}
      />,
    );
  });

  app.post('/c/:slug/members/:userId', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const access = await communityOf(req);
    const form = formBody(req);
    const { userId } = parseInput(schemas.memberParams.pick({ userId: true }), req.params);
    const patch = parseInput(schemas.memberPatch, {
      role: form.role || undefined,
      approve: form.approve === '1',
    });
    await service.updateMember(store, viewer, access.community.id, userId, patch);
    return redirectAfterPost(reply, `${communityPath(access.community.slug)}/members`, {
      key: patch.approve ? 'communities.flash.approved' : 'communities.flash.roleChanged',
    });
  });

  app.post('/c/:slug/invitations', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const access = await communityOf(req);
    const { handle } = parseInput(schemas.inviteInput, formBody(req));
    const invited = handle.replace(/^@/, '');
    await service.inviteMember(store, viewer, access.community.id, invited);
    return redirectAfterPost(reply, `${communityPath(access.community.slug)}/members`, {
      key: 'communities.flash.invited',
      params: { handle: invited },
    });
  });

  app.get('/c/:slug/groups/new', async (req, reply) => {
    const { access } = await service.getCommunityToManage(store, req.viewer, slugOf(req));
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t('communities.group.new.title'),
      <GroupForm ctx={ctx} access={access} />,
    );
  });

  app.post('/c/:slug/groups/new', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const access = await communityOf(req);
    const form = formBody(req);
    try {
      const input = parseInput(schemas.groupInput, form);
      await service.createGroup(store, viewer, access.community.id, input);
      return redirectAfterPost(reply, groupPath(access.community.slug, input.slug), {
        key: 'communities.flash.groupCreated',
        params: { name: input.name },
      });
    } catch (err) {
      return resendForm(req, reply, err, req.t('communities.group.new.title'), (ctx, failure) => (
        <GroupForm ctx={ctx} access={access} values={form} failure={failure} />
      ));
    }
  });

  const groupOf = async (req: FastifyRequest) => {
    const access = await communityOf(req);
    const view = await service.getGroup(store, req.viewer, access, {
      slug: (req.params as GroupParams).group,
    });
    return { access, group: view.g.group };
  };

  app.post('/c/:slug/g/:group/join', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const { access, group } = await groupOf(req);
    const { status } = await service.joinGroup(store, viewer, group.id);
    return redirectAfterPost(reply, groupPath(access.community.slug, group.slug), {
      key:
        status === 'pending' ? 'communities.flash.groupRequested' : 'communities.flash.groupJoined',
      params: { name: group.name },
    });
  });

  app.post('/c/:slug/g/:group/leave', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const { access, group } = await groupOf(req);
    await service.leaveGroup(store, viewer, group.id);
    return redirectAfterPost(reply, groupPath(access.community.slug, group.slug), {
      key: 'communities.flash.groupLeft',
      params: { name: group.name },
    });
  });

  app.post('/c/:slug/g/:group/members/:userId/approve', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const { access, group } = await groupOf(req);
    const { userId } = parseInput(schemas.memberParams.pick({ userId: true }), req.params);
    await service.approveGroupMember(store, viewer, group.id, userId);
    return redirectAfterPost(reply, groupPath(access.community.slug, group.slug));
  });

  app.get('/c/:slug/g/:group/settings', async (req, reply) => {
    const access = await communityOf(req);
    const { group } = (
      await service.getGroupToManage(store, req.viewer, access, (req.params as GroupParams).group)
    ).g;
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t('communities.group.edit.title'),
      <GroupForm ctx={ctx} access={access} group={group} />,
    );
  });

  app.post('/c/:slug/g/:group/settings', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const { access, group } = await groupOf(req);
    const form = formBody(req);
    try {
      await service.updateGroup(store, viewer, group.id, parseInput(schemas.groupPatch, form));
      return redirectAfterPost(reply, groupPath(access.community.slug, group.slug), {
        key: 'communities.flash.groupSaved',
      });
    } catch (err) {
      return resendForm(req, reply, err, req.t('communities.group.edit.title'), (ctx, failure) => (
        <GroupForm ctx={ctx} access={access} group={group} values={form} failure={failure} />
      ));
    }
  });
}
