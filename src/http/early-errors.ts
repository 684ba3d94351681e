import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import type {
  ConnectionError,
  FastifyError,
  FastifyReply,
  FastifyRequest,
  FastifyServerOptions,
} from 'fastify';
import type { Locale, Translate } from '../i18n/index.js';
import { errorBody, errorDocument, toAppError } from './error-handler.js';
import { AppError } from './errors.js';
import type { Viewer } from './viewer.js';

/** What the reader's language is picked from before any route or hook ran. */
export interface LocaleSource {
  headers: IncomingHttpHeaders;
  cookies: Record<string, string | undefined>;
  viewer: Viewer | null;
}

export interface Localizer {
  localeOf(source: LocaleSource): Locale;
  translator(locale: Locale): Translate;
}

export const PERMISSIONS_POLICY =
  'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), ' +
  'payment=(), usb=(), browsing-topics=()';

// These answers skip every hook (helmet's included): the headers those would add, set here.
const BARE_HEADERS = {
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'self'; base-uri 'self'; frame-ancestors 'self'; object-src 'none'",
  'permissions-policy': PERMISSIONS_POLICY,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
};

interface BareAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The error in Ruche's shape for a request no hook saw: JSON on the API, the error page else. */
function bareAnswer(
  error: AppError,
  path: string,
  source: LocaleSource,
  localizer: Localizer,
): BareAnswer {
  const locale = localizer.localeOf(source);
  const t = localizer.translator(locale);
  const isApi = path.startsWith('/api/');
  const body = isApi
    ? JSON.stringify(errorBody({ t }, error))
    : errorDocument({ t, locale, viewer: null, csrf: '', path: '/', flash: undefined }, error);
  const type = isApi ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8';
  return { status: error.status, headers: { ...BARE_HEADERS, 'content-type': type }, body };
}

/**
 * Fastify's router refuses some addresses before any hook (a malformed percent-escape, a path
 * parameter over its length): they are answered here, without echoing the address.
 */
export function frameworkErrorHandler(
  localizer: Localizer,
  parseCookie: (header: string) => Record<string, string>,
): NonNullable<FastifyServerOptions['frameworkErrors']> {
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const source = {
      headers: req.headers,
      cookies: parseCookie(req.headers.cookie ?? ''),
      viewer: null,
    };
    const answer = bareAnswer(toAppError(err), req.url, source, localizer);
    void reply.code(answer.status).headers(answer.headers).send(answer.body);
  };
}

const clientErrors: Record<string, AppError> = {
  ERR_HTTP_REQUEST_TIMEOUT: new AppError('request_timeout'),
  HPE_HEADER_OVERFLOW: new AppError('headers_too_large'),
};

/**
 * Node's HTTP parser refuses a request it cannot read (raw UTF-8 in the request line, a broken
 * header): the answer is written to the socket, from what could be read of the request.
 */
export function clientErrorHandler(
  localizer: Localizer,
  parseCookie: (header: string) => Record<string, string>,
) {
  return (err: ConnectionError, socket: Socket): void => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const { path, headers } = readHead(err.rawPacket);
    const error = (err.code && clientErrors[err.code]) || new AppError('malformed_request');
    const source = { headers, cookies: parseCookie(headers.cookie ?? ''), viewer: null };
    const answer = bareAnswer(error, path, source, localizer);
    if (socket.writable) {
      const lines = Object.entries({
        ...answer.headers,
        'content-length': String(Buffer.byteLength(answer.body)),
        connection: 'close',
      }).map(([k, v]) => `${k}: ${v}`);
      socket.write(
        `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}\r\n${lines.join('\r\n')}\r\n\r\n${answer.body}`,
      );
    }
    socket.destroy();
  };
}

/** The path and the headers of a request the parser gave up on, as far as they can be read. */
// Node hands the bytes read as a Buffer (Fastify's types say otherwise).
function readHead(raw: unknown): { path: string; headers: IncomingHttpHeaders } {
  const [requestLine = '', ...lines] = (Buffer.isBuffer(raw) ? raw.toString('latin1') : '').split(
    '\r\n',
  );
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { path: requestLine.split(' ')[1] ?? '', headers };
}
