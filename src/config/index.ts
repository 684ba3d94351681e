import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { z } from 'zod';

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

// Unset or empty means "not said": the default then comes from elsewhere.
const optionalFlag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v === '1' || v === 'true'));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().url().optional(),
  SQLITE_PATH: z.string().default('./data/ruche.db'),
  SESSION_SECRET: z.string().min(32).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Ruche <no-reply@localhost>'),
  DKIM_DOMAIN: z.string().optional(),
  DKIM_SELECTOR: z.string().optional(),
  DKIM_PRIVATE_KEY: z.string().optional(),
  DKIM_PRIVATE_KEY_FILE: z.string().optional(),
  NOTIFY_EMAIL_DELAY_SECONDS: z.coerce.number().min(0).default(300),
  UNSUBSCRIBE_LINK_DAYS: z.coerce.number().positive().default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RUCHE_DEMO: booleanFlag.default(true),
  RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().positive().default(30),
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().positive().default(10),
  SIGNIN_FREE_FAILURES: z.coerce.number().int().positive().default(5),
  SIGNIN_DELAY_SECONDS: z.coerce.number().positive().default(15),
  // One core left to members reading and writing, however many sign-ups come.
  PASSWORD_HASH_CONCURRENCY: z.coerce
    .number()
    .int()
    .positive()
    .default(Math.max(1, availableParallelism() - 1)),
  PASSWORD_HASH_WAIT_SECONDS: z.coerce.number().positive().default(2),
  TRUST_PROXY: booleanFlag,
  COOKIE_SECURE: optionalFlag,
  ROLLUP_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(60),
  REDIS_URL: z
    .string()
    .url()
    .refine((u) => /^rediss?:/.test(u), 'must start with redis:// or rediss://')
    .optional(),
  REDIS_PREFIX: z.string().min(1).max(64).default('ruche:'),
  LIVE_HEARTBEAT_SECONDS: z.coerce.number().positive().max(300).default(25),
  NOTIFY_INTERVAL_SECONDS: z.coerce.number().min(0).default(3),
  MESSAGES_MIN_ACCOUNT_HOURS: z.coerce.number().min(0).default(24),
  MESSAGES_NEW_ACCOUNT_DAYS: z.coerce.number().min(0).default(7),
  MESSAGES_DAILY_CONVERSATIONS: z.coerce.number().int().min(0).default(5),
  MESSAGES_DAILY_MESSAGES: z.coerce.number().int().min(0).default(50),
  TRUST_LIMITS: booleanFlag.default(true),
  DEFAULT_TIME_ZONE: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone, such as Europe/Paris')
    .default('Europe/Paris'),
  PULSE_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type Config = {
  port: number;
  host: string;
  publicUrl: string;
  database: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };
  sessionSecret: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** DKIM signing of every email, when a domain, a selector and a key are all given. */
  dkim: DkimConfig | undefined;
  /** Notification emails: how long a burst may gather before its one email goes out. */
  notifyEmailDelayMs: number;
  /** How long an email's one-click unsubscribe link works. */
  unsubscribeLinkMs: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  seedDemo: boolean;
  rateLimits: { writesPerMinute: number; authPerMinute: number };
  /** Password hashes at once, and the growing delay between failed sign-ins of one account. */
  authLimits: {
    hashing: { concurrency: number; waitMs: number };
    signIn: { freeFailures: number; firstDelayMs: number };
  };
  trustProxy: boolean;
  /** Cookies marked Secure and named `__Host-…`: by default, when PUBLIC_URL is https. */
  cookieSecure: boolean;
  /** How often the server folds new activity into the cockpit's roll-ups; 0 turns it off. */
  rollupIntervalMs: number;
  /**
   * A Redis server shared by every instance: live fan-out and rate-limit counters go through it.
   * `prefix` starts every key and channel, so that two sites may share one server.
   */
  redis: { url: string; prefix: string } | undefined;
  /** Live streams: how often an idle stream sends a comment, so proxies keep it open. */
  live: { heartbeatMs: number };
  /**
   * How often the app looks for activity other instances logged, to notify (its own is notified
   * right after each write); 0: this process makes no notifications.
   */
  notifyIntervalMs: number;
  /** What keeps private messages from becoming a spam channel (src/messages/limits.ts). */
  messageLimits: {
    /** An account this young starts no conversation yet (it may answer one). */
    minAccountAgeMs: number;
    /** How long an account is new, and held to the daily caps below. */
    newAccountMs: number;
    /** Conversations a new account may start in any 24 hours. */
    conversationsPerDay: number;
    /** Messages (first ones and answers together) a new account may write in any 24 hours. */
    messagesPerDay: number;
  };
  /** The limits on new accounts by trust level (src/trust/limits.ts); off: none at all. */
  trustLimits: boolean;
  /**
   * The pulse: a member's time zone until they choose one, and how often the schedule looks for
   * members whose local morning has come.
   */
  pulse: { defaultTimeZone: string; checkMs: number };
};

export interface DkimConfig {
  domainName: string;
  keySelector: string;
  /** PEM; never logged. */
  privateKey: string;
}

type Env = z.infer<typeof envSchema>;

/** All three or none: half a DKIM setting would send unsigned mail the operator thinks signed. */
function dkimOf(e: Env): DkimConfig | undefined {
  const privateKey =
    e.DKIM_PRIVATE_KEY?.replace(/\\n/g, '\n') ??
    (e.DKIM_PRIVATE_KEY_FILE ? readKeyFile(e.DKIM_PRIVATE_KEY_FILE) : undefined);
  const given = [e.DKIM_DOMAIN, e.DKIM_SELECTOR, privateKey].filter((v) => v !== undefined);
  if (given.length === 0) return undefined;
  if (!e.DKIM_DOMAIN || !e.DKIM_SELECTOR || !privateKey)
    throw new Error(
      'Invalid configuration:\nDKIM: set DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY (or DKIM_PRIVATE_KEY_FILE) together',
    );
  if (!privateKey.includes('PRIVATE KEY-----'))
    throw new Error('Invalid configuration:\nDKIM_PRIVATE_KEY: not a PEM private key');
  return { domainName: e.DKIM_DOMAIN, keySelector: e.DKIM_SELECTOR, privateKey };
}

function readKeyFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new Error(`Invalid configuration:\nDKIM_PRIVATE_KEY_FILE: cannot read ${path}`);
  }
}

/** Reads the environment once, at boot; nothing else in Ruche reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // `DATABASE_URL=` in a shell or an .env file means unset, as it does for most tools.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', path: e.SQLITE_PATH },
    sessionSecret: e.SESSION_SECRET,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    dkim: dkimOf(e),
    notifyEmailDelayMs: e.NOTIFY_EMAIL_DELAY_SECONDS * 1000,
    unsubscribeLinkMs: e.UNSUBSCRIBE_LINK_DAYS * 86_400_000,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.RUCHE_DEMO,
    rateLimits: {
      writesPerMinute: e.RATE_LIMIT_WRITES_PER_MINUTE,
      authPerMinute: e.RATE_LIMIT_AUTH_PER_MINUTE,
    },
    authLimits: {
      hashing: {
        concurrency: e.PASSWORD_HASH_CONCURRENCY,
        waitMs: e.PASSWORD_HASH_WAIT_SECONDS * 1000,
      },
      signIn: {
        freeFailures: e.SIGNIN_FREE_FAILURES,
        firstDelayMs: e.SIGNIN_DELAY_SECONDS * 1000,
      },
    },
    trustProxy: e.TRUST_PROXY,
    cookieSecure: e.COOKIE_SECURE ?? publicUrl.startsWith('https:'),
    rollupIntervalMs: e.ROLLUP_INTERVAL_SECONDS * 1000,
    redis: e.REDIS_URL ? { url: e.REDIS_URL, prefix: e.REDIS_PREFIX } : undefined,
    live: { heartbeatMs: e.LIVE_HEARTBEAT_SECONDS * 1000 },
    notifyIntervalMs: e.NOTIFY_INTERVAL_SECONDS * 1000,
    messageLimits: {
      minAccountAgeMs: e.MESSAGES_MIN_ACCOUNT_HOURS * 3_600_000,
      newAccountMs: e.MESSAGES_NEW_ACCOUNT_DAYS * 86_400_000,
      conversationsPerDay: e.MESSAGES_DAILY_CONVERSATIONS,
      messagesPerDay: e.MESSAGES_DAILY_MESSAGES,
    },
    trustLimits: e.TRUST_LIMITS,
    pulse: { defaultTimeZone: e.DEFAULT_TIME_ZONE, checkMs: e.PULSE_CHECK_SECONDS * 1000 },
  };
}
