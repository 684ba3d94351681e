// The server under load, in its own process as `ruche start` runs it (the notifications'
// consumer on, nudged after every write): the runner's autocannon does not share its thread,
// and `node --cpu-prof` (BENCH_CPU_PROF) profiles the server alone. Stopping on SIGTERM lets
// the profile be written.
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config/index.js';
import { startServer } from '../../src/server.js';
import { timeStatements } from './sql-times.js';

const sqlTimes = process.env.BENCH_SQL_TIMES;
const writeSqlTimes = sqlTimes ? timeStatements(`${sqlTimes}/sql-${process.pid}.json`) : undefined;
const server = await startServer(loadConfig());
process.once('SIGTERM', () => {
  void server.stop().then(() => {
    writeSqlTimes?.();
    process.exit(0);
  });
});
// The runner waits for this message: the port is chosen by the OS, so runs never collide.
process.send?.({ port: (server.app.server.address() as AddressInfo).port });
