import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireViewer, writeLimit, type AppDeps } from '../http/index.js';
import { presentNotification } from './present.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

const tags = ['notifications'];

export function registerNotificationsApi(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { store } = deps;
  const write = { config: writeLimit(deps.limits) };

  api.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: 'The viewer’s notifications, newest first',
        querystring: schemas.listQuery,
        response: { 200: schemas.notificationList },
      },
    },
    async (req) => {
      const view = await service.listNotifications(store, requireViewer(req.viewer), req.query);
      return {
        notifications: view.items.map((v) => presentNotification(req.t, v)),
        unread: view.unread,
        hasMore: view.hasMore,
      };
    },
  );

  api.get(
    '/api/v1/notifications/unread',
    {
      schema: {
        tags,
        summary: 'How many of the viewer’s notifications are unread',
        response: { 200: schemas.unreadCount },
      },
    },
    async (req) => ({
      unread: await service.countUnread(store.db, requireViewer(req.viewer).id),
    }),
  );

  api.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one notification read',
        params: schemas.idParams,
        response: { 200: schemas.unreadCount },
      },
      ...write,
    },
    async (req) => ({
      unread: await service.markRead(store, requireViewer(req.viewer), req.params.id),
    }),
  );

  api.post(
    '/api/v1/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark every notification read',
        response: { 200: schemas.unreadCount },
      },
      ...write,
    },
    async (req) => {
      await service.markAllRead(store, requireViewer(req.viewer));
      return { unread: 0 };
    },
  );

  api.get(
    '/api/v1/notifications/preferences',
    {
      schema: {
        tags,
        summary: 'Per kind of notification: shown on the site, sent by e-mail',
        response: { 200: schemas.preferences },
      },
    },
    async (req) => ({
      preferences: await service.getPreferences(store, requireViewer(req.viewer)),
    }),
  );

  api.put(
    '/api/v1/notifications/preferences',
    {
      schema: {
        tags,
        summary: 'Switch kinds of notification on or off, on the site and by e-mail',
        body: schemas.preferencesInput,
        response: { 200: schemas.preferences },
      },
      ...write,
    },
    async (req) => ({
      preferences: await service.setPreferences(
        store,
        requireViewer(req.viewer),
        req.body.preferences,
      ),
    }),
  );

  for (const place of ['topic', 'group'] as const) {
    const path = `/api/v1/${place}s/:id/watching`;
    const get = place === 'topic' ? service.topicWatching : service.groupWatching;
    const set = place === 'topic' ? service.watchTopic : service.watchGroup;
    api.get(
      path,
      {
        schema: {
          tags,
          summary: `The viewer’s watching level of a ${place}`,
          params: schemas.idParams,
          response: { 200: schemas.watching },
        },
      },
      (req) => get(store, requireViewer(req.viewer), req.params.id),
    );
    api.put(
      path,
      {
        schema: {
          tags,
          summary: `Watch a ${place}, keep it normal, or mute it`,
          params: schemas.idParams,
          body: schemas.watchInput,
          response: { 200: schemas.watching },
        },
        ...write,
      },
      (req) => set(store, requireViewer(req.viewer), req.params.id, req.body.level),
    );
  }
}
