import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  asFormFailure,
  formBody,
  pageContext,
  parseInput,
  redirectAfterPost,
  requireViewer,
  sendPage,
  writeLimit,
  type AppDeps,
  type FormBody,
  type FormFailure,
} from '../http/index.js';
import { toPlainText } from '../markdown/index.js';
import { communityPath } from '../communities/index.js';
import { DeletePostPage } from './pages/delete.js';
import { replyActionsPath, replyPath, topicPath } from './paths.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

type Params = { slug: string; id: string };
// What the confirmation quotes of the post, about.
const EXCERPT_LENGTH = 300;

/** Deleting a topic or a reply: a confirmation page, then the deletion (issue 21, item 29). */
export function registerDeletionPages(app: FastifyInstance, deps: AppDeps): void {
  const { store } = deps;
  const write = { config: writeLimit(deps.limits) };
  const idOf = (req: FastifyRequest) =>
    parseInput(schemas.idParams, { id: (req.params as Params).id }).id;

  /** The post to delete, as the confirmation shows it; 404 under another community's slug. */
  async function postOf(req: FastifyRequest, kind: 'topic' | 'reply') {
    const viewer = requireViewer(req.viewer);
    const { slug } = req.params as Params;
    if (kind === 'topic') {
      const t = await service.getTopicToChange(store, viewer, idOf(req));
      if (t.access.community.slug !== slug) throw new AppError('not_found');
      return {
        ...t,
        post: t.topic,
        back: topicPath(slug, t.topic.id),
        action: `${topicPath(slug, t.topic.id)}/delete`,
      };
    }
    const r = await service.getReplyForEdit(store, viewer, idOf(req));
    if (r.access.community.slug !== slug) throw new AppError('not_found');
    return {
      ...r,
      post: r.reply,
      back: replyPath(slug, r.topic.id, r.reply.id),
      action: `${replyActionsPath(slug, r.reply.id)}/delete`,
    };
  }

  async function showConfirmation(
    req: FastifyRequest,
    reply: FastifyReply,
    kind: 'topic' | 'reply',
    values?: FormBody,
    failure?: FormFailure,
  ) {
    const p = await postOf(req, kind);
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t(`conversations.delete.${kind}Title`),
      <DeletePostPage
        ctx={ctx}
        kind={kind}
        action={p.action}
        back={p.back}
        authorName={p.author?.displayName}
        excerpt={toPlainText(p.post.body, EXCERPT_LENGTH)}
        askReason={p.post.author_id !== ctx.viewer?.id}
        values={values}
        failure={failure}
      />,
      failure?.status ?? 200,
    );
  }

  for (const kind of ['topic', 'reply'] as const) {
    const path = kind === 'topic' ? '/c/:slug/t/:id/delete' : '/c/:slug/r/:id/delete';
    app.get(path, (req, reply) => showConfirmation(req, reply, kind));
    app.post(path, write, async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      const form = formBody(req);
      const { slug } = req.params as Params;
      try {
        const input = parseInput(schemas.deletionInput, form);
        if (kind === 'topic') {
          await service.deleteTopic(store, viewer, idOf(req), input);
          return redirectAfterPost(reply, communityPath(slug), {
            key: 'conversations.flash.topicDeleted',
          });
        }
        const topicId = await service.deleteReply(store, viewer, idOf(req), input);
        return redirectAfterPost(reply, topicPath(slug, topicId), {
          key: 'conversations.flash.replyDeleted',
        });
      } catch (err) {
        return showConfirmation(req, reply, kind, form, asFormFailure(req, err));
      }
    });
  }
}
