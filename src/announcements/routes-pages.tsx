import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getCommunity } from '../communities/index.js';
import { topicTitles } from '../conversations/index.js';
import { now } from '../db/index.js';
import {
  AppError,
  formBody,
  pageContext,
  parseInput,
  redirectAfterPost,
  requireViewer,
  resendForm,
  sendPage,
  writeLimit,
  type AppDeps,
  type FormBody,
  type FormFailure,
  type PageContext,
  type Viewer,
} from '../http/index.js';
import { voicesIn } from '../teams/index.js';
import { CalendarPage, type CalendarView } from './pages/calendar.js';
import { AnnouncementForm, PublishedAnnouncement } from './pages/form.js';
import { announcementPath, calendarPath, newAnnouncementPath } from './paths.js';
import * as schemas from './schemas.js';
import * as service from './service.js';
import type { AnnouncementRow } from './store.js';
import { addDays, dayOf, localOf, mondayOf, monthOf, parseDay, startOfDay } from './time.js';

/** The period shown: a week from its Monday or a month from its first, with its neighbours. */
function periodOf(view: 'week' | 'month', date: string) {
  if (view === 'week') {
    const first = mondayOf(date);
    return { first, end: addDays(first, 7), previous: addDays(first, -7), next: addDays(first, 7) };
  }
  const { first, next } = monthOf(date);
  return { first, end: next, previous: monthOf(addDays(first, -1)).first, next };
}

function valuesOf(a: AnnouncementRow, zone: string): FormBody {
  return {
    title: a.title,
    body: a.body,
    groupId: a.group_id === null ? '' : String(a.group_id),
    asTeam: a.team_id === null ? '' : String(a.team_id),
    scheduleAt: a.scheduled_at === null ? '' : localOf(Number(a.scheduled_at), zone),
    pinDays: String(a.pin_days),
  };
}

/** What a submitted form asks: "Save as draft" drops the time, "Schedule" needs one. */
function inputOf(form: FormBody) {
  const isDraft = form.action === 'draft';
  const scheduleAt = (form.scheduleAt ?? '').trim();
  if (!isDraft && scheduleAt === '')
    throw new AppError('invalid_input', {
      field: 'scheduleAt',
      messageKey: 'announcements.error.scheduleMissing',
    });
  return parseInput(schemas.announcementInput, {
    title: form.title ?? '',
    body: form.body ?? '',
    groupId: form.groupId ?? '',
    asTeam: form.asTeam ?? '',
    scheduleAt: isDraft ? null : scheduleAt,
    pinDays: form.pinDays === undefined || form.pinDays === '' ? '0' : form.pinDays,
  });
}

export function registerAnnouncementsPages(app: FastifyInstance, deps: AppDeps): void {
  const { store } = deps;
  const write = { config: writeLimit(deps.limits) };
  const slugOf = (req: FastifyRequest) => parseInput(schemas.slugParams, req.params).slug;

  async function showCalendar(
    req: FastifyRequest,
    reply: FastifyReply,
    access: service.CalendarAccess,
    zoneForm?: { value: string; err: unknown },
  ) {
    const query = req.query as { view?: string; date?: string };
    const zone = access.community.time_zone;
    const view = query.view === 'week' ? 'week' : 'month';
    const date =
      query.date !== undefined && parseDay(query.date) !== null ? query.date : dayOf(now(), zone);
    const period = periodOf(view, date);
    const { items, drafts } = await service.calendarOf(
      store,
      access,
      startOfDay(period.first, zone),
      startOfDay(period.end, zone),
    );
    const days: CalendarView['days'] = [];
    for (let day = period.first; day < period.end; day = addDays(day, 1))
      days.push({
        day,
        items: items.filter((i) => dayOf(Number(i.published_at ?? i.scheduled_at), zone) === day),
      });
    const topics = await topicTitles(
      store.db,
      req.viewer,
      items.flatMap((i) => (i.topic_id === null ? [] : [Number(i.topic_id)])),
    );
    const title = req.t('announcements.calendar.title', { community: access.community.name });
    const render = (ctx: PageContext, failure?: FormFailure) => (
      <CalendarPage
        ctx={ctx}
        community={access.community}
        calendar={{ view, date, ...period, days }}
        drafts={drafts}
        topics={topics}
        zone={
          access.animatedGroupIds === null
            ? { value: zoneForm?.value ?? zone, error: failure?.message }
            : undefined
        }
      />
    );
    if (zoneForm) return resendForm(req, reply, zoneForm.err, title, render);
    const ctx = pageContext(req, reply);
    return sendPage(reply, ctx, title, render(ctx));
  }

  app.get('/c/:slug/calendar', async (req, reply) => {
    const access = await service.requireCalendar(store, requireViewer(req.viewer), {
      slug: slugOf(req),
    });
    return showCalendar(req, reply, access);
  });

  app.post('/c/:slug/calendar/time-zone', write, async (req, reply) => {
    const access = await service.requireCalendar(store, requireViewer(req.viewer), {
      slug: slugOf(req),
    });
    const value = (formBody(req).timeZone ?? '').trim();
    try {
      await service.setTimeZone(store, access, value);
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') throw err;
      return showCalendar(req, reply, access, { value, err });
    }
    return redirectAfterPost(reply, calendarPath(access.community.slug), {
      key: 'announcements.flash.timeZone',
    });
  });

  async function showForm(
    req: FastifyRequest,
    reply: FastifyReply,
    viewer: Viewer,
    access: service.CalendarAccess,
    form: {
      values: FormBody;
      err?: unknown;
      id?: number;
      title?: string;
    },
  ) {
    const view = await getCommunity(store, viewer, { id: access.community.id });
    const teams = await voicesIn(store.db, viewer, access);
    const c = access.community;
    const heading =
      form.id === undefined
        ? req.t('announcements.form.newTitle', { community: c.name })
        : req.t('announcements.form.editTitle', { title: form.title ?? '' });
    const action =
      form.id === undefined ? newAnnouncementPath(c.slug) : announcementPath(c.slug, form.id);
    const render = (ctx: PageContext, failure?: FormFailure) => (
      <AnnouncementForm
        ctx={ctx}
        community={c}
        action={action}
        heading={heading}
        groups={view.groups
          .filter((g) => access.animatedGroupIds?.includes(g.id) ?? true)
          .map((g) => ({ id: g.id, name: g.name }))}
        wholeCommunity={access.animatedGroupIds === null}
        teams={teams.map((tm) => ({ id: tm.id, name: tm.name }))}
        values={form.values}
        failure={failure}
        deleteAction={form.id === undefined ? undefined : `${action}/delete`}
      />
    );
    if (form.err !== undefined) return resendForm(req, reply, form.err, heading, render);
    const ctx = pageContext(req, reply);
    return sendPage(reply, ctx, heading, render(ctx));
  }

  app.get('/c/:slug/calendar/new', async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const access = await service.requireCalendar(store, viewer, { slug: slugOf(req) });
    return showForm(req, reply, viewer, access, { values: {} });
  });

  app.post('/c/:slug/calendar/new', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const access = await service.requireCalendar(store, viewer, { slug: slugOf(req) });
    const form = formBody(req);
    let made: AnnouncementRow;
    try {
      made = await service.createAnnouncement(store, viewer, access, inputOf(form));
    } catch (err) {
      return showForm(req, reply, viewer, access, { values: form, err });
    }
    return redirectAfterPost(reply, calendarPath(access.community.slug), {
      key: made.state === 'draft' ? 'announcements.flash.draft' : 'announcements.flash.scheduled',
    });
  });

  const announcementOf = async (req: FastifyRequest) => {
    const viewer = requireViewer(req.viewer);
    const { slug, id } = parseInput(schemas.pageParams, req.params);
    const view = await service.getAnnouncement(store, viewer, id);
    if (view.access.community.slug !== slug) throw new AppError('not_found');
    return { viewer, id, ...view };
  };

  app.get('/c/:slug/calendar/:id', async (req, reply) => {
    const { viewer, id, access, announcement } = await announcementOf(req);
    if (announcement.state === 'published') {
      const topicId = Number(announcement.topic_id);
      const topics = await topicTitles(store.db, viewer, [topicId]);
      const ctx = pageContext(req, reply);
      return sendPage(
        reply,
        ctx,
        req.t('announcements.form.editTitle', { title: announcement.title }),
        <PublishedAnnouncement
          ctx={ctx}
          community={access.community}
          title={announcement.title}
          topic={topics.get(topicId)}
        />,
      );
    }
    return showForm(req, reply, viewer, access, {
      values: valuesOf(announcement, access.community.time_zone),
      id,
      title: announcement.title,
    });
  });

  app.post('/c/:slug/calendar/:id', write, async (req, reply) => {
    const { viewer, id, access, announcement } = await announcementOf(req);
    const form = formBody(req);
    let changed: AnnouncementRow;
    try {
      changed = await service.updateAnnouncement(store, viewer, id, inputOf(form));
    } catch (err) {
      return showForm(req, reply, viewer, access, {
        values: form,
        err,
        id,
        title: announcement.title,
      });
    }
    return redirectAfterPost(reply, calendarPath(access.community.slug), {
      key:
        changed.state === 'draft' ? 'announcements.flash.draft' : 'announcements.flash.scheduled',
    });
  });

  app.post('/c/:slug/calendar/:id/delete', write, async (req, reply) => {
    const { viewer, id, access } = await announcementOf(req);
    await service.deleteAnnouncement(store, viewer, id);
    return redirectAfterPost(reply, calendarPath(access.community.slug), {
      key: 'announcements.flash.deleted',
    });
  });
}
