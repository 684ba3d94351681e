import { request, type IncomingMessage } from 'node:http';

/** One Server-Sent Events message as a browser's EventSource would see it. */
export interface SseMessage {
  id: string | undefined;
  event: string;
  data: unknown;
  retry: number | undefined;
}

export interface SseStream {
  status: number;
  headers: IncomingMessage['headers'];
  /** The body of a refused request (JSON error), or '' for a stream. */
  body: string;
  messages: SseMessage[];
  comments: number;
  /** The first message (already received or to come) that `match` accepts. */
  next(match: (m: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/**
 * Opens `GET url` as EventSource does (Accept: text/event-stream) and parses what arrives. A
 * refused request (401…) resolves too, with its status and body.
 */
export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      const messages: SseMessage[] = [];
      const waiters = new Set<() => void>();
      let buffer = '';
      let body = '';
      const isStream = (res.headers['content-type'] ?? '').startsWith('text/event-stream');
      res.setEncoding('utf8');
      const stream: SseStream = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        body: '',
        messages,
        comments: 0,
        next(match, timeoutMs = 2_000) {
          return new Promise((done, fail) => {
            const check = () => {
              const found = messages.find(match);
              if (!found) return false;
              clearTimeout(timer);
              waiters.delete(check);
              done(found);
              return true;
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(
                new Error(
                  `no matching message within ${timeoutMs} ms: ${JSON.stringify(messages)}`,
                ),
              );
            }, timeoutMs);
            if (!check()) waiters.add(check);
          });
        },
        ended: new Promise((done) => res.once('close', () => done())),
        close: () => req.destroy(),
      };
      res.on('data', (chunk: string) => {
        if (!isStream) {
          body += chunk;
          return;
        }
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const message = parseBlock(block);
          if (message) messages.push(message);
          else stream.comments++;
        }
        for (const check of [...waiters]) check();
      });
      if (isStream) resolve(stream);
      else
        res.once('end', () => {
          stream.body = body;
          resolve(stream);
        });
    });
    req.once('error', (err) => reject(err));
    req.end();
  });
}

function parseBlock(block: string): SseMessage | null {
  let id: string | undefined;
  let event = 'message';
  let retry: number | undefined;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'event') event = value;
    else if (field === 'retry') retry = Number(value);
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0 && retry === undefined) return null;
  const text = data.join('\n');
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: kept as text.
  }
  return { id, event, data: parsed, retry };
}
