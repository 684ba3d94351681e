import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  asFormFailure,
  pageContext,
  parseInput,
  redirectAfterPost,
  sendPage,
  writeLimit,
  type AppDeps,
} from '../http/index.js';
import { jobStates } from './driver.js';
import { JobsPage } from './pages/jobs-page.js';
import { presentJob } from './present.js';
import * as schemas from './schemas.js';
import { listJobsFor, retryFailedJob } from './service.js';

const tags = ['admin'];

/** The instance admins' job queue: a page with a retry button per failed job, and the API. */
export function registerJobsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { jobs } = deps;
  const write = { config: writeLimit(deps.limits) };

  api.get(
    '/api/v1/admin/jobs',
    {
      schema: {
        tags,
        summary: 'Failed, running and queued background jobs (instance admins)',
        querystring: schemas.jobsQuery,
        response: { 200: schemas.jobList },
      },
    },
    async (req) => ({
      jobs: (await listJobsFor(jobs, req.viewer, req.query.state)).map(presentJob),
    }),
  );

  api.post(
    '/api/v1/admin/jobs/:id/retry',
    {
      schema: {
        tags,
        summary: 'Run a failed job once more (instance admins)',
        params: schemas.jobIdParams,
        response: { 202: schemas.retriedJob },
      },
      ...write,
    },
    async (req, reply) => {
      const job = await retryFailedJob(jobs, req.viewer, req.params.id);
      return reply.status(202).send({ job: presentJob(job) });
    },
  );

  async function sendJobsPage(
    req: FastifyRequest,
    reply: FastifyReply,
    failure?: { message: string; status: number },
  ) {
    const lists = await Promise.all(jobStates.map((s) => listJobsFor(jobs, req.viewer, s)));
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t('jobs.title'),
      <JobsPage ctx={ctx} driver={jobs.driver} jobs={lists.flat()} failure={failure?.message} />,
      failure?.status,
    );
  }

  app.get('/admin/jobs', (req, reply) => sendJobsPage(req, reply));

  app.post('/admin/jobs/:id/retry', write, async (req, reply) => {
    const { id } = parseInput(schemas.jobIdParams, req.params);
    try {
      const job = await retryFailedJob(jobs, req.viewer, id);
      return redirectAfterPost(reply, '/admin/jobs', {
        key: 'jobs.flash.retried',
        params: { name: job.name },
      });
    } catch (err) {
      // A job retried already (twice the button): the page again, with what happened.
      return sendJobsPage(req, reply, asFormFailure(req, err));
    }
  });
}
