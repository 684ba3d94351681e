import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { findUsersByIds } from '../accounts/index.js';
import { topicTitles } from '../conversations/index.js';
import { now } from '../db/index.js';
import { pageContext, parseInput, sendPage, type AppDeps } from '../http/index.js';
import { cockpitCsv } from './csv.js';
import { CockpitPage } from './pages/cockpit-page.js';
import * as schemas from './schemas.js';
import { communityCockpit, resolvePeriod } from './service.js';

const chartDir = dirname(createRequire(import.meta.url).resolve('chart.js'));

function queryString(req: FastifyRequest): string {
  const i = req.url.indexOf('?');
  return i === -1 ? '' : req.url.slice(i);
}

export function registerAnalyticsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { store } = deps;

  api.get(
    '/api/v1/communities/:id/analytics',
    {
      schema: {
        tags: ['analytics'],
        summary: 'The cockpit’s figures for a period (animators, moderators; sponsors aggregated)',
        params: schemas.idParams,
        querystring: schemas.periodQuery,
      },
    },
    async (req) => {
      const view = await communityCockpit(
        store,
        req.viewer,
        { id: req.params.id },
        resolvePeriod(req.query, now()),
      );
      return { communityId: view.access.community.id, audience: view.audience, ...view.cockpit };
    },
  );

  api.get(
    '/api/v1/communities/:id/analytics.csv',
    {
      schema: {
        tags: ['analytics'],
        summary: 'The same figures as CSV',
        params: schemas.idParams,
        querystring: schemas.periodQuery,
      },
    },
    async (req, reply) => {
      const view = await communityCockpit(
        store,
        req.viewer,
        { id: req.params.id },
        resolvePeriod(req.query, now()),
      );
      return reply.header('content-type', 'text/csv; charset=utf-8').send(cockpitCsv(view.cockpit));
    },
  );

  /** The page routes name the community by its slug and the period in the query string. */
  async function cockpitOfPage(req: FastifyRequest) {
    const q = parseInput(schemas.periodQuery, req.query);
    const slug = (req.params as { slug: string }).slug;
    return {
      q,
      view: await communityCockpit(store, req.viewer, { slug }, resolvePeriod(q, now())),
    };
  }

  app.get('/c/:slug/cockpit', async (req, reply) => {
    const { q, view } = await cockpitOfPage(req);
    const c = view.cockpit;
    const memberIds = [
      ...c.newcomers.unanswered_48h.map((n) => n.memberId),
      ...c.recently_inactive_core.map((p) => p.memberId),
    ].filter((x): x is number => x !== null);
    const [users, titles] = await Promise.all([
      findUsersByIds(store.db, memberIds),
      topicTitles(
        store.db,
        c.responsiveness.unanswered.map((u) => u.topicId).filter((x): x is number => x !== null),
      ),
    ]);
    const names = new Map(
      users.map((u) => [u.id, { handle: u.handle, displayName: u.display_name }]),
    );
    const ctx = pageContext(req, reply);
    const community = view.access.community;
    return sendPage(
      reply,
      ctx,
      req.t('analytics.title', { name: community.name }),
      <CockpitPage
        ctx={ctx}
        community={community}
        cockpit={c}
        isSponsor={view.audience === 'sponsor'}
        query={queryString(req)}
        days={q.from ? undefined : q.days}
        names={names}
        titles={titles}
      />,
    );
  });

  app.get('/c/:slug/cockpit.csv', async (req, reply) => {
    const { view } = await cockpitOfPage(req);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="${view.access.community.slug}-cockpit.csv"`,
      )
      .send(cockpitCsv(view.cockpit));
  });

  app.get('/assets/vendor/chart.umd.min.js', (_req, reply) =>
    reply.sendFile('chart.umd.min.js', chartDir),
  );
}
