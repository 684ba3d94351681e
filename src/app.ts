import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  accountsMessages,
  bearerOf,
  createAuthGuards,
  registerAccountsApi,
  registerAccountsPages,
  resolveViewer,
  sessionTokenOf,
} from './accounts/index.js';
import {
  communitiesMessages,
  registerCommunitiesApi,
  registerCommunitiesPages,
} from './communities/index.js';
import { analyticsMessages, registerAnalyticsRoutes } from './analytics/index.js';
import {
  announcementsMessages,
  groupPinned,
  homePinned,
  registerAnnouncements,
} from './announcements/index.js';
import type { Config } from './config/index.js';
import {
  conversationsMessages,
  registerConversationsApi,
  registerConversationsPages,
} from './conversations/index.js';
import { hitRateBucket, notifyChannel, now, type Store } from './db/index.js';
import {
  AppError,
  countWithFallback,
  createHttpServer,
  isApiRequest,
  safeNext,
  type AppDeps,
  type CountHit,
  type LocaleSource,
} from './http/index.js';
import { fieldMessages } from './http/field-messages.js';
import { httpMessages } from './http/messages.js';
import {
  createI18n,
  defaultLocale,
  isLocale,
  localeFromAcceptLanguage,
  type Locale,
} from './i18n/index.js';
import { instanceSecret } from './instance-secret.js';
import { dueDeletionsJob, ownDataMessages, registerOwnDataRoutes } from './own-data/index.js';
import { jobsMessages, openJobs, registerJobsRoutes, type Jobs } from './jobs/index.js';
import {
  notificationsMessages,
  registerNotifications,
  watchControl,
} from './notifications/index.js';
import {
  messagesMessages,
  profileMessaging,
  registerMessagesApi,
  registerMessagesPages,
} from './messages/index.js';
import {
  createMailer,
  createUnsubscribe,
  mailMessages,
  registerUnsubscribePages,
  type Mailer,
} from './mail/index.js';
import { pulseMessages, pulsePreferences, registerPulse } from './pulse/index.js';
import {
  homeSpotlight,
  profileBadges,
  recognitionMessages,
  registerRecognition,
} from './recognition/index.js';
import { registerTrust, trustMessages } from './trust/index.js';
import { registerTeamsApi, registerTeamsPages, teamsMessages } from './teams/index.js';
import { VERSION } from './version.js';
import { registerWelcome, welcomeMessages } from './welcome/index.js';
import { moderationMessages, registerModeration } from './moderation/index.js';
import { buddiesMessages, registerBuddies } from './buddies/index.js';
import { firstPostAlertMessages, registerFirstPostAlert } from './first-post-alert/index.js';
import { crisisBannerExtra, crisisMessages, registerCrisis } from './crisis/index.js';
import { firstStepsMessages, registerFirstSteps } from './first-steps/index.js';
import { registerWatchWords, watchWordsMessages } from './watch-words/index.js';
import { createLive, liveMessages, registerLiveRoutes, type Live } from './live/index.js';
import { hitRedisBucket, openRedis, type Redis } from './redis/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Live updates, for work outside requests (jobs) that announces what it wrote. */
    live: Live;
  }
}

export const i18n = createI18n([
  httpMessages,
  accountsMessages,
  communitiesMessages,
  conversationsMessages,
  analyticsMessages,
  ownDataMessages,
  jobsMessages,
  notificationsMessages,
  messagesMessages,
  pulseMessages,
  teamsMessages,
  fieldMessages,
  liveMessages,
  mailMessages,
  recognitionMessages,
  welcomeMessages,
  buddiesMessages,
  firstPostAlertMessages,
  crisisMessages,
  firstStepsMessages,
  announcementsMessages,
  moderationMessages,
  trustMessages,
  watchWordsMessages,
]);

/** The features' background jobs (src/jobs/): each runs on the server once registered here. */
export const jobDefinitions = [dueDeletionsJob];

const LANG_COOKIE = 'ruche_lang';

function pickLocale(req: LocaleSource): Locale {
  const chosen = req.cookies[LANG_COOKIE];
  return (
    req.viewer?.locale ??
    (isLocale(chosen) ? chosen : undefined) ??
    localeFromAcceptLanguage(req.headers['accept-language']) ??
    defaultLocale
  );
}

/**
 * A cookie-authenticated API write must come from our own pages, never another site. An Origin
 * that is not a URL ("null" from a sandboxed frame, "", "http://") is never ours.
 */
function isCrossSite(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site') return true;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  return !URL.canParse(origin) || new URL(origin).host !== req.headers.host;
}

export interface AppOptions {
  config: Config;
  store: Store;
  mailer?: Mailer;
  logger?: boolean | object;
  /** The jobs the server runs (src/server.ts starts them); otherwise the app opens its own. */
  jobs?: Jobs;
}

/** The composition root: plumbing, then each feature's routes. */
export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, store } = options;
  // Created before the server, whose rate limits count there; logs once the server's logger is.
  const logs: { to?: FastifyInstance['log'] } = {};
  const redisFailed = (err: unknown) => logs.to?.warn({ err }, 'redis: connection failed');
  const redis = config.redis ? openRedis(config.redis.url, redisFailed) : undefined;
  const countInDatabase: CountHit = (key, windowMs) =>
    hitRateBucket(store.db, key, windowMs, now());
  const secret = await instanceSecret(store, config.sessionSecret);
  const app = await createHttpServer({
    // Through process.stdout, as console.log is: the terminal's lines keep their order.
    logger: options.logger ?? { level: config.logLevel, stream: process.stdout },
    cookieSecret: secret,
    cookieSecure: config.cookieSecure,
    csrfBinding: (req) => {
      const session = sessionTokenOf(req);
      return session ? `session:${session}` : 'anonymous';
    },
    trustProxy: config.trustProxy,
    version: VERSION,
    localizer: { localeOf: pickLocale, translator: (locale) => i18n.translator(locale) },
    countRateHit: redis
      ? countWithFallback(
          (key, windowMs) => hitRedisBucket(redis, `${config.redis?.prefix}rate:${key}`, windowMs),
          countInDatabase,
          (err) => app.log.error({ err }, 'rate limits: Redis failed, counting in the database'),
        )
      : countInDatabase,
    liveHeartbeatMs: config.live.heartbeatMs,
  });
  logs.to = app.log;
  const live = createLive({
    redis: redis &&
      config.redis && {
        publisher: redis,
        openSubscriber: () =>
          openRedis(config.redis?.url ?? '', redisFailed, { waitWhileDown: true }),
        prefix: config.redis.prefix,
      },
    postgres: store.postgresUrl
      ? {
          url: store.postgresUrl,
          notify: (channel, payload) => notifyChannel(store.db, channel, payload),
        }
      : undefined,
    log: app.log,
  });
  app.decorate('live', live);
  // Open streams would keep the server from closing; browsers reconnect to another instance.
  app.addHook('preClose', (done) => {
    live.streams.closeAll();
    done();
  });
  app.addHook('onClose', async () => {
    await live.close();
    await closeRedis(redis);
  });
  const deps: AppDeps = {
    store,
    mailer:
      options.mailer ??
      createMailer({
        smtpUrl: config.smtpUrl,
        from: config.mailFrom,
        dkim: config.dkim,
        log: app.log,
      }),
    publicUrl: config.publicUrl,
    unsubscribe: createUnsubscribe({
      secret,
      publicUrl: config.publicUrl,
      validMs: config.unsubscribeLinkMs,
    }),
    limits: config.rateLimits,
    trustLimits: config.trustLimits,
    cookieSecure: config.cookieSecure,
    live,
    jobs: options.jobs ?? openJobs(store),
    placeControl: watchControl(store),
    preferencesExtra: pulsePreferences(store, {
      defaultTimeZone: config.pulse.defaultTimeZone,
      publicUrl: config.publicUrl,
    }),
  };
  // Closed with the app when it opened them; the server stops its own before the app.
  if (!options.jobs) app.addHook('onClose', () => deps.jobs.close());
  deps.jobs.register(...jobDefinitions);

  app.decorateRequest('viewer', null);
  app.decorateRequest('authVia', null);
  app.decorateRequest('authExpiresAt', null);
  app.decorateRequest('locale', defaultLocale);
  app.decorateRequest('t', (key: string) => key);
  app.decorateRequest('unreadNotifications', null);
  app.decorateRequest('unreadMessages', 0);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/assets/')) {
      const resolved = await resolveViewer(store, {
        sessionToken: sessionTokenOf(req),
        bearer: bearerOf(req),
      });
      req.viewer = resolved?.viewer ?? null;
      req.authVia = resolved?.via ?? null;
      req.authExpiresAt = resolved?.expiresAt ?? null;
      if (bearerOf(req) && !resolved) {
        req.locale = pickLocale(req);
        req.t = i18n.translator(req.locale);
        throw new AppError('unauthenticated');
      }
    }
    req.locale = pickLocale(req);
    req.t = i18n.translator(req.locale);
  });
  app.addHook('preHandler', (req, reply, done) => {
    if (req.method === 'GET' || req.method === 'HEAD') return done();
    // One-click unsubscription: mail clients post without a token (docs/decisions/009).
    if (req.routeOptions.config.csrf === false) return done();
    if (!isApiRequest(req)) return app.csrfProtection(req, reply, done);
    if (req.authVia === 'cookie' && isCrossSite(req)) return done(new AppError('csrf_failed'));
    done();
  });

  app.get('/lang/:locale', (req, reply) => {
    const { locale } = req.params as { locale: string };
    if (!isLocale(locale)) throw new AppError('not_found');
    reply.setCookie(LANG_COOKIE, locale, {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      secure: config.cookieSecure,
      maxAge: 365 * 86_400,
    });
    return reply.redirect(safeNext((req.query as { next?: string }).next) ?? '/', 303);
  });
  app.get('/api/v1/openapi.json', () => app.swagger());
  app.get('/healthz', () => ({ ok: true }));

  // One set per server: the hashing slots are this process's CPU.
  const authGuards = createAuthGuards(config.authLimits);
  registerAccountsApi(app, deps, authGuards);
  registerAccountsPages(app, deps, authGuards, [profileBadges(store), profileMessaging(store)]);
  registerCommunitiesApi(app, deps);
  registerCommunitiesPages(app, deps);
  registerConversationsApi(app, deps);
  registerConversationsPages(
    app,
    deps,
    [crisisBannerExtra(store), homePinned(store), homeSpotlight(store)],
    [crisisBannerExtra(store), groupPinned(store)],
  );
  registerAnalyticsRoutes(app, deps);
  registerOwnDataRoutes(app, deps);
  registerLiveRoutes(app, live.streams, {
    // The credentials that opened a stream, checked again when a sign-in of the member ends
    // (endSignedOut) and every 5 minutes; the stream ends with them.
    signInOf: (req) => {
      const credentials = { sessionToken: sessionTokenOf(req), bearer: bearerOf(req) };
      return {
        isStillSignedIn: async () => (await resolveViewer(store, credentials)) !== null,
        expiresAt: req.authExpiresAt,
      };
    },
  });
  registerJobsRoutes(app, deps);
  registerNotifications(app, deps, {
    intervalMs: config.notifyIntervalMs,
    // Without SMTP, notifications stay in the page: no email is made to end in the log.
    email: deps.mailer.delivers
      ? { delayMs: config.notifyEmailDelayMs, translator: (locale) => i18n.translator(locale) }
      : undefined,
    // The header's count on every open page of the member, whichever instance serves it.
    onNotified: (unread) =>
      live.pushToMembers(
        [...unread].map(([userId, n]) => ({ userId, event: { type: 'notification', unread: n } })),
      ),
  });
  registerUnsubscribePages(app, deps);
  registerPulse(app, deps, config.pulse);
  registerRecognition(app, deps);
  // The trust levels' daily cap on private messages counts with the young accounts' (src/messages/limits.ts).
  const messageLimits = { ...config.messageLimits, trustLimits: config.trustLimits };
  registerMessagesApi(app, deps, messageLimits);
  registerMessagesPages(app, deps, messageLimits);
  registerTeamsApi(app, deps);
  registerTeamsPages(app, deps);
  registerWelcome(app, deps, messageLimits);
  registerBuddies(app, deps);
  registerFirstPostAlert(app, deps);
  registerCrisis(app, deps);
  registerFirstSteps(app, deps);
  registerAnnouncements(app, deps);
  registerModeration(app, deps);
  registerTrust(app, deps);
  registerWatchWords(app, deps);
  return app;
}

async function closeRedis(redis: Redis | undefined): Promise<void> {
  if (redis && redis.status !== 'end') await redis.quit().catch(() => redis.disconnect());
}
