import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store } from '../db/index.js';
import {
  AppError,
  formBody,
  isApiRequest,
  pageContext,
  parseInput,
  redirectAfterPost,
  requireViewer,
  safeNext,
  sendPage,
  writeLimit,
  type AppDeps,
  type PlaceControl,
} from '../http/index.js';
import { notificationKinds } from './kinds.js';
import { NotificationsPage } from './pages/list.js';
import { PreferencesPage } from './pages/preferences.js';
import { WatchForm } from './pages/watch-form.js';
import { notificationsPath, preferencesPath } from './paths.js';
import { presentNotification } from './present.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

const PAGE_SIZE = 30;

function pageOf(req: FastifyRequest): number {
  const n = Number((req.query as { page?: string }).page ?? 1);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

/** Where a form sends the member back: the page it was on, if it is one of ours. */
function backTo(req: FastifyRequest, fallback: string): string {
  return safeNext(formBody(req).next) ?? fallback;
}

export function registerNotificationsPages(app: FastifyInstance, deps: AppDeps): void {
  const { store } = deps;
  const write = { config: writeLimit(deps.limits) };

  // The header's unread count, on every page a signed-in member opens (a form shown again with
  // its error too): one indexed count.
  app.addHook('preHandler', async (req) => {
    if (!req.viewer || isApiRequest(req) || req.url.startsWith('/assets/')) return;
    req.unreadNotifications = await service.countUnread(store.db, req.viewer.id);
  });

  app.get(notificationsPath, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const page = pageOf(req);
    const view = await service.listNotifications(store, viewer, {
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    // Counted again: the list dropped what the member may no longer read.
    req.unreadNotifications = view.unread;
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t('notifications.title'),
      <NotificationsPage
        ctx={ctx}
        items={view.items.map((v) => presentNotification(req.t, v))}
        unread={view.unread}
        page={page}
        hasMore={view.hasMore}
      />,
    );
  });

  app.post(`${notificationsPath}/read`, write, async (req, reply) => {
    await service.markAllRead(store, requireViewer(req.viewer));
    return redirectAfterPost(reply, backTo(req, notificationsPath), {
      key: 'notifications.flash.allRead',
    });
  });

  app.post(`${notificationsPath}/:id/read`, write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const { id } = parseInput(schemas.idParams, req.params);
    await service.markRead(store, viewer, id);
    return redirectAfterPost(reply, backTo(req, notificationsPath), {
      key: 'notifications.flash.read',
    });
  });

  app.get(preferencesPath, async (req, reply) => {
    const preferences = await service.getPreferences(store, requireViewer(req.viewer));
    // Other features' sections (the pulse's settings), each with its own form.
    const extra = await deps.preferencesExtra?.(req);
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t('notifications.preferences.title'),
      <PreferencesPage ctx={ctx} preferences={preferences} extra={extra?.(ctx)} />,
    );
  });

  app.post(preferencesPath, write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const form = formBody(req);
    // An unticked box is not sent: every kind is set from what the form holds.
    await service.setPreferences(
      store,
      viewer,
      notificationKinds.map((kind) => ({
        kind,
        inApp: form[`inApp.${kind}`] === '1',
        byEmail: form[`email.${kind}`] === '1',
      })),
    );
    return redirectAfterPost(reply, preferencesPath, { key: 'notifications.flash.preferences' });
  });

  app.post(`${notificationsPath}/watch`, write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const input = parseInput(schemas.watchForm, formBody(req));
    if (input.place === 'topic') await service.watchTopic(store, viewer, input.id, input.level);
    else await service.watchGroup(store, viewer, input.id, input.level);
    return redirectAfterPost(reply, backTo(req, '/'), { key: 'notifications.flash.watching' });
  });
}

/**
 * The watching level's form on a topic's or a group's page (src/http/deps.ts PlaceControl).
 * Opening a topic also reads the notifications about it, and the header counts them off.
 */
export function watchControl(store: Store): PlaceControl {
  return async (req, place) => {
    const viewer = req.viewer;
    if (!viewer) return null;
    try {
      // A conversation has no watching level: opening it reads its notifications, nothing more.
      if (place.kind === 'conversation') {
        if (req.unreadNotifications !== 0) {
          const seen = await service.markConversationRead(store, viewer, place.id);
          if (req.unreadNotifications !== null)
            req.unreadNotifications = Math.max(0, req.unreadNotifications - seen);
        }
        return null;
      }
      if (place.kind === 'group') {
        const watching = await service.groupWatching(store, viewer, place.id);
        return (ctx) => <WatchForm ctx={ctx} place="group" id={place.id} watching={watching} />;
      }
      if (req.unreadNotifications !== 0) {
        const seen = await service.markTopicRead(store, viewer, place.id);
        if (req.unreadNotifications !== null)
          req.unreadNotifications = Math.max(0, req.unreadNotifications - seen);
      }
      const watching = await service.topicWatching(store, viewer, place.id);
      return (ctx) => <WatchForm ctx={ctx} place="topic" id={place.id} watching={watching} />;
    } catch (err) {
      // A page the reader may see without reading its content (a private group's card).
      if (err instanceof AppError && err.code === 'not_found') return null;
      throw err;
    }
  };
}
