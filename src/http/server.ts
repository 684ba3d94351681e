import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { installErrorHandlers } from './error-handler.js';
import { rateLimitedError, sharedRateStore, type CountHit } from './limits.js';
import { toInputError } from './validation.js';

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: string[];
  }
}

export interface HttpOptions {
  logger: FastifyServerOptions['logger'];
  cookieSecret: string;
  cookieSecure: boolean;
  trustProxy: boolean;
  version: string;
  /** Where rate-limit counters are kept: shared by every instance (ARCHITECTURE: stateless). */
  countRateHit: CountHit;
}

const publicDir = fileURLToPath(new URL('../../public', import.meta.url));

/** The Fastify instance with Ruche's plumbing; features add their routes to it. */
export async function createHttpServer(options: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger,
    trustProxy: options.trustProxy,
    bodyLimit: 512 * 1024,
  });
  // Validation failures become our own translated input error.
  app.setValidatorCompiler(({ schema }) => (data: unknown) => {
    const result = (schema as z.ZodType).safeParse(data);
    return result.success ? { value: result.data } : { error: toInputError(result.error) };
  });
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
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
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: {
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: options.cookieSecure,
    },
  });
  await app.register(rateLimit, {
    global: false,
    store: sharedRateStore(options.countRateHit),
    errorResponseBuilder: rateLimitedError,
  });
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
          cookie: { type: 'apiKey', in: 'cookie', name: 'ruche_session' },
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
