// A share of the fan-out benchmark's readers, in its own process (bench/fanout/run.ts forks a
// few): it opens one Server-Sent Events stream per token, says when all are ready, then tells
// for each round when the last of its streams received that round's event.
import { request, type ClientRequest } from 'node:http';

interface Start {
  url: string;
  tokens: string[];
}

const OPENING_AT_ONCE = 100;

function send(message: object): void {
  process.send?.(message);
}

function openStream(url: string, token: string, onReady: () => void, onRound: (r: number) => void) {
  return new Promise<ClientRequest>((resolve, reject) => {
    const req = request(
      `${url}/api/v1/me/events`,
      { agent: false, headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (block.includes('event: ready')) onReady();
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (data && !block.includes('event: ')) {
              const event = JSON.parse(data) as { round?: number };
              if (typeof event.round === 'number') onRound(event.round);
            }
          }
        });
        resolve(req);
      },
    );
    req.once('error', reject);
    req.end();
  });
}

process.once('message', (msg) => {
  const { url, tokens } = msg as Start;
  const received = new Map<number, { count: number; last: number }>();
  let ready = 0;
  const requests: ClientRequest[] = [];
  const onReady = () => {
    if (++ready === tokens.length) send({ kind: 'ready' });
  };
  const onRound = (round: number) => {
    const at = Date.now();
    const seen = received.get(round) ?? { count: 0, last: 0 };
    seen.count++;
    seen.last = Math.max(seen.last, at);
    received.set(round, seen);
    if (seen.count === tokens.length) send({ kind: 'round', round, last: seen.last });
  };
  void (async () => {
    for (let i = 0; i < tokens.length; i += OPENING_AT_ONCE) {
      const slice = tokens.slice(i, i + OPENING_AT_ONCE);
      requests.push(...(await Promise.all(slice.map((t) => openStream(url, t, onReady, onRound)))));
    }
  })().catch((err: unknown) => {
    send({ kind: 'error', message: String(err) });
  });
  process.on('message', (m) => {
    if ((m as { kind?: string }).kind !== 'stop') return;
    for (const req of requests) req.destroy();
    process.exit(0);
  });
});
