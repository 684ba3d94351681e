import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  clearSessionCookie,
  deletionInput,
  mailRunnerOf,
  outboxFor,
  requestAccountDeletion,
} from '../accounts/index.js';
import {
  authLimit,
  formBody,
  pageContext,
  parseInput,
  requireViewer,
  resendForm,
  sendPage,
  writeLimit,
  type AppDeps,
} from '../http/index.js';
import { exportFileName, exportOwnData } from './export.js';
import { DeleteAccountPage, DeletionRequestedPage } from './pages/delete-page.js';
import { renderExportPage } from './pages/export-page.js';

const tags = ['accounts'];

function download(reply: FastifyReply, type: string, name: string, body: string) {
  return reply
    .header('content-type', `${type}; charset=utf-8`)
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(body);
}

/** One's own data: its export (JSON and a readable page) and the account's deletion. */
export function registerOwnDataRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { store } = deps;
  const later = mailRunnerOf(app);
  // An export reads the member's whole history: limited as writes are.
  const heavy = { config: writeLimit(deps.limits) };

  api.get(
    '/api/v1/me/export',
    { schema: { tags, summary: 'Download all one’s data (JSON)' }, ...heavy },
    async (req, reply) => {
      const data = await exportOwnData(store, requireViewer(req.viewer));
      return download(
        reply,
        'application/json',
        exportFileName(data, 'json'),
        JSON.stringify(data),
      );
    },
  );

  api.get(
    '/api/v1/me/export.html',
    { schema: { tags, summary: 'Download all one’s data (a readable HTML page)' }, ...heavy },
    async (req, reply) => {
      const data = await exportOwnData(store, requireViewer(req.viewer));
      const html = renderExportPage(data, req.t, req.locale);
      return download(reply, 'text/html', exportFileName(data, 'html'), html);
    },
  );

  api.post(
    '/api/v1/me/deletion',
    {
      schema: {
        tags,
        summary:
          'Delete one’s account after 14 days (signing in before cancels it); sessions and tokens stop at once',
        body: deletionInput,
      },
      config: authLimit(deps.limits, 'password'),
    },
    async (req, reply) => {
      const outbox = outboxFor(later, deps, req.t);
      const viewer = requireViewer(req.viewer);
      const { deleteAfter } = await requestAccountDeletion(
        store,
        outbox,
        req.locale,
        viewer,
        req.body,
      );
      await deps.live.endSignedOut(viewer.id);
      clearSessionCookie(reply);
      return reply
        .status(202)
        .send({ deleteAfter: new Date(deleteAfter).toISOString(), posts: req.body.posts });
    },
  );

  app.get('/account/delete', (req, reply) => {
    requireViewer(req.viewer);
    const ctx = pageContext(req, reply);
    return sendPage(reply, ctx, req.t('ownData.delete.title'), <DeleteAccountPage ctx={ctx} />);
  });

  app.post(
    '/account/delete',
    { config: authLimit(deps.limits, 'password') },
    async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      const form = formBody(req);
      try {
        const input = parseInput(deletionInput, form);
        const outbox = outboxFor(later, deps, req.t);
        const { deleteAfter } = await requestAccountDeletion(
          store,
          outbox,
          req.locale,
          viewer,
          input,
        );
        await deps.live.endSignedOut(viewer.id);
        clearSessionCookie(reply);
        // Signed out from here on: the page shows as to anyone, with the date.
        req.viewer = null;
        const ctx = pageContext(req, reply);
        const title = req.t('ownData.delete.requested');
        return sendPage(
          reply,
          ctx,
          title,
          <DeletionRequestedPage ctx={ctx} deleteAfter={deleteAfter} />,
        );
      } catch (err) {
        return resendForm(req, reply, err, req.t('ownData.delete.title'), (ctx, failure) => (
          <DeleteAccountPage ctx={ctx} values={{ posts: form.posts }} failure={failure} />
        ));
      }
    },
  );
}
