// A benchmark target, run as a child process so its memory is measured alone.
// `server.ts ceiling` serves a bare Fastify `/ping`; otherwise Ruche as `ruche start` would,
// minus the demo seeding (the runner has already seeded SQLITE_PATH).
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/index.js';
import { startServer } from '../../src/server.js';

async function start(): Promise<FastifyInstance> {
  if (process.argv[2] === 'ceiling') {
    const app = Fastify();
    app.get('/ping', () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    return app;
  }
  return (await startServer(loadConfig())).app;
}

const app = await start();
// The runner waits for this message: the port is chosen by the OS, so runs never collide.
process.send?.({ port: (app.server.address() as AddressInfo).port });
