import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import sseModule, { type SSEPluginOptions } from '@fastify/sse';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  clientErrorHandler,
  frameworkErrorHandler,
  PERMISSIONS_POLICY,
  type Localizer,
} from './early-errors.js';
import { csrfCookieName } from './csrf-cookie.js';
import { installErrorHandlers, isApiRequest } from './error-handler.js';
import { rateLimitedError, sharedRateStore, type CountHit } from './limits.js';
import { refuseNulInput } from './nul.js';
import { toInputError } from './validation.js';

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: string[];
    /** Served over HTTPS: cookies are Secure and named `__Host-…`. */
    cookieSecure: boolean;
  }
  interface FastifyReply {
    /** A form token bound to this reader's session (or to no session), for the page's forms. */
    csrfToken(): string;
  }
}

export interface HttpOptions {
  logger: FastifyServerOptions['logger'];
  cookieSecret: string;
  cookieSecure: boolean;
  /** What a form token is bound to: the session, or "anonymous" before sign-in. */
  csrfBinding: (req: FastifyRequest) => string;
  trustProxy: boolean;
  version: string;
  /** Where rate-limit counters are kept: shared by every instance (ARCHITECTURE: stateless). */
  countRateHit: CountHit;
  /** Picks the language of an error answered before the app's own hooks ran. */
  localizer: Localizer;
  /** How often an idle live stream (Server-Sent Events) sends a comment to stay open. */
  liveHeartbeatMs: number;
}

/**
 * Each request is logged at debug, not info: at info, the terminal of `npm start` would scroll
 * the demo logins away within seconds. Failures keep their own error lines.
 */
class QuietRequests extends LogController {
  override incomingRequest(req: FastifyRequest): void {
    req.log.debug({ req }, 'incoming request');
  }
  override requestCompleted(
    err: Error | null | undefined,
    _req: FastifyRequest,
    reply: FastifyReply,
  ) {
    if (err)
      reply.log.error({ res: reply, err, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

// The package's types declare an ES default export; at run time it is the CommonJS export itself.
const sse = sseModule as unknown as FastifyPluginAsync<SSEPluginOptions>;

const publicDir = fileURLToPath(new URL('../../public', import.meta.url));

/** The Fastify instance with Ruche's plumbing; features add their routes to it. */
export async function createHttpServer(options: HttpOptions): Promise<FastifyInstance> {
  const parseCookie = (header: string) => cookie.fastifyCookie.parse(header);
  const app = Fastify({
    logger: options.logger,
    logController: new QuietRequests(),
    trustProxy: options.trustProxy,
    bodyLimit: 512 * 1024,
    frameworkErrors: frameworkErrorHandler(options.localizer, parseCookie),
    clientErrorHandler: clientErrorHandler(options.localizer, parseCookie),
  });
  // Validation failures become our own translated input error.
  app.setValidatorCompiler(({ schema }) => (data: unknown) => {
    const result = (schema as z.ZodType).safeParse(data);
    return result.success ? { value: result.data } : { error: toInputError(result.error) };
  });
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  refuseNulInput(app);
  app.addHook('onRequest', async (_req, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
  });
  // An API answer to a signed-in member is theirs alone: no shared or browser cache keeps it.
  app.addHook('onSend', async (req, reply) => {
    if (req.viewer && isApiRequest(req)) reply.header('cache-control', 'no-store');
  });
  // Kept so a test can check the OpenAPI document against what is really served.
  const apiRoutes: string[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/') || route.method === 'HEAD') return;
    for (const method of [route.method].flat()) apiRoutes.push(`${method} ${route.url}`);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'https:', 'data:'] },
    },
  });
  // Pages and API answers sent compressed to a client that accepts it: a cockpit page is 180 KB
  // of HTML, 20 KB once compressed, on a phone's connection. Request bodies are never inflated
  // (no way around the body limit). CSRF tokens are salted per response: no BREACH leak.
  await app.register(compress, { encodings: ['br', 'gzip'], globalDecompression: false });
  await app.register(cookie, { secret: options.cookieSecret });
  await app.register(formbody);
  app.decorate('cookieSecure', options.cookieSecure);
  // Each token carries a keyed hash of its session: a token and `_csrf` cookie taken from another
  // browser (the attacker's own) fail against the victim's session.
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: csrfCookieName(options.cookieSecure),
    getUserInfo: options.csrfBinding,
    csrfOpts: { hmacKey: createHmac('sha256', options.cookieSecret).update('csrf').digest() },
    cookieOpts: {
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: options.cookieSecure,
    },
  });
  app.decorateReply('csrfToken', function (this: FastifyReply) {
    return this.generateCsrf({ userInfo: options.csrfBinding(this.request) });
  });
  await app.register(rateLimit, {
    global: false,
    store: sharedRateStore(options.countRateHit),
    errorResponseBuilder: rateLimitedError,
  });
  // Server-Sent Events for live updates (src/live/): headers, heartbeats, Last-Event-ID.
  await app.register(sse, { heartbeatInterval: options.liveHeartbeatMs });
  await app.register(fastifyStatic, { root: publicDir, prefix: '/assets/', maxAge: '1h' });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ruche API',
        version: options.version,
        description: 'The JSON API of Ruche: communities, groups, conversations, members.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A personal access token.' },
          cookie: {
            type: 'apiKey',
            in: 'cookie',
            name: options.cookieSecure ? '__Host-ruche_session' : 'ruche_session',
          },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    // Only the JSON API is described; pages are for people.
    transform: (args) =>
      args.url.startsWith('/api/v1/') && args.url !== '/api/v1/openapi.json'
        ? jsonSchemaTransform(args)
        : { schema: { ...args.schema, hide: true }, url: args.url },
    hideUntagged: false,
  });
  return app;
}
