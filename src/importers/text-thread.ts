// The worker side of TextThread (body-texts.ts): converts the batches of bodies it is sent, in
// the order they come, unless the importer took them back first.
import { parentPort } from 'node:worker_threads';
import { bodyText, CLAIMED, FREE, type TextReply, type TextRequest } from './body-texts.js';

const port = parentPort;
if (!port) throw new Error('text-thread.ts runs in a worker thread, started by TextThread');
port.on('message', ({ id, bodies, claim }: TextRequest) => {
  const mine = Atomics.compareExchange(claim, 0, FREE, CLAIMED) === FREE;
  port.postMessage({ id, texts: mine ? bodies.map(bodyText) : null } satisfies TextReply);
});
port.postMessage({ id: 0, texts: [] } satisfies TextReply);
