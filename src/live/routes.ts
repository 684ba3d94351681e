import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, requireViewer } from '../http/index.js';
import type { MemberStream, MemberStreams } from './member-streams.js';

export interface LiveRouteOptions {
  /**
   * The credentials of this request: whether they still hold later on (sign-out, revoked
   * token), and when they expire (null: never).
   */
  signInOf: (req: FastifyRequest) => {
    isStillSignedIn: () => Promise<boolean>;
    expiresAt: number | null;
  };
}

/** Reconnection waits told to browsers: spread, so a restart is not met by every reader at once. */
const RETRY_MIN_MS = 2_000;
const RETRY_SPREAD_MS = 8_000;

function acceptsEventStream(req: FastifyRequest): boolean {
  return (req.headers.accept ?? '').includes('text/event-stream');
}

/** `GET /api/v1/me/events`: the signed-in member's live events, as Server-Sent Events. */
export function registerLiveRoutes(
  app: FastifyInstance,
  streams: MemberStreams,
  options: LiveRouteOptions,
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/me/events',
    {
      sse: true,
      // Refusals come before the handler: once there, the SSE plugin has started a stream.
      preHandler: async (req) => {
        requireViewer(req.viewer);
        if (!acceptsEventStream(req))
          throw new AppError('malformed_request', { messageKey: 'live.error.streamOnly' });
        try {
          await streams.ready();
        } catch (err) {
          req.log.error({ err }, 'live: the bus is unavailable');
          throw new AppError('unavailable', {
            messageKey: 'live.error.unavailable',
            retryAfterSeconds: 5,
          });
        }
      },
      schema: {
        tags: ['live'],
        summary: 'The signed-in member’s live events (Server-Sent Events)',
        description:
          'Stays open. Each message is a JSON object whose `type` names it (`notification`…); ' +
          'an `event: resync` message means some may have been missed, so fetch what you show ' +
          'again. Comments (`:`) keep the connection alive. Reconnect with `Last-Event-ID` to ' +
          'receive what was missed in the last two minutes.',
        produces: ['text/event-stream'],
        response: { 200: z.string().describe('text/event-stream') },
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      const { sse } = reply;
      // Gone while the checks ran: its 'close' has passed, nothing would remove it.
      if (reply.raw.destroyed) return;
      const stream: MemberStream = {
        userId: viewer.id,
        send(message) {
          if (sse.isConnected) sse.send(message).catch(() => sse.close());
        },
        close: () => sse.close(),
        ...options.signInOf(req),
      };
      const remove = streams.open(stream, sse.lastEventId);
      sse.onClose(remove);
      sse.keepAlive();
      // Tells the reader it is connected, and when to come back if the connection drops.
      const retry = RETRY_MIN_MS + Math.floor(Math.random() * RETRY_SPREAD_MS);
      await sse.send({ event: 'ready', data: {}, retry });
    },
  );
}
