import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Typed configuration read once from the environment at start.
 * Embedded mode (no DATABASE_URL) is the zero-configuration default: SQLite in the data dir,
 * the in-process queue and the demo city. Production sets DATABASE_URL and REDIS_URL.
 */
const SWITCH = ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'] as const;
const isOn = (v: string) => ['true', '1', 'yes', 'on'].includes(v);
/** A data key as configured: `<key id>:<32 hex digits>` (an SM4 key is 128 bits). */
const DATA_KEY = /^[a-z0-9]{1,16}:[0-9a-fA-F]{32}$/;
const DATA_KEY_HINT = 'must be <key id>:<32 hex digits>, e.g. k1:$(openssl rand -hex 16)';

const EnvSchema = z.object({
  PORT: z.coerce.number({ error: 'must be a number' }).int().min(1, 'must be 1–65535').max(65535, 'must be 1–65535').default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LIUZHUAN_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^mysql:\/\/[^\s]+$/, 'must be mysql://user:password@host:port/database (unset for embedded SQLite)')
    .optional(),
  LIUZHUAN_DB_POOL: z.coerce.number({ error: 'must be a number' }).int().min(2, 'must be 2–200').max(200, 'must be 2–200').default(20),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/[^\s]*$/, 'must be redis://host:port (unset for the in-process queue)')
    .optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'letters, digits, : _ - only')
    .default('liuzhuan'),
  LIUZHUAN_DEMO: z
    .string()
    .toLowerCase()
    .pipe(z.enum(SWITCH, { error: 'must be one of true/false/1/0/yes/no/on/off' }))
    .optional(),
  LIUZHUAN_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('Liuzhuan@2026'),
  LIUZHUAN_CLIENT_DIR: z.string().optional(),
  LIUZHUAN_CJK_FONT: z.string().optional(),
  LIUZHUAN_CJK_FONT_NAME: z.string().optional(),
  LIUZHUAN_FONT_DIR: z.string().optional(),
  // durations may be fractions (tests use a few seconds: LIUZHUAN_SESSION_IDLE_MINUTES=0.05)
  LIUZHUAN_SESSION_IDLE_MINUTES: z.coerce.number({ error: 'must be a number' }).positive().max(1440).default(30),
  LIUZHUAN_SESSION_MAX_HOURS: z.coerce.number({ error: 'must be a number' }).positive().max(168).default(12),
  LIUZHUAN_LOGIN_MAX_FAILURES: z.coerce.number({ error: 'must be a number' }).int().min(1).max(100).default(5),
  LIUZHUAN_LOGIN_WINDOW_MINUTES: z.coerce.number({ error: 'must be a number' }).positive().max(1440).default(15),
  LIUZHUAN_LOCKOUT_MINUTES: z.coerce.number({ error: 'must be a number' }).positive().max(1440).default(30),
  LIUZHUAN_LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number({ error: 'must be a number' }).int().min(1).max(100_000).default(100),
  LIUZHUAN_LOGIN_ADDRESS_WINDOW_MINUTES: z.coerce.number({ error: 'must be a number' }).positive().max(1440).default(15),
  LIUZHUAN_PASSWORD_MAX_AGE_DAYS: z.coerce.number({ error: 'must be a number' }).min(0).max(3650).default(90),
  LIUZHUAN_PASSWORD_HISTORY: z.coerce.number({ error: 'must be a number' }).int().min(1).max(24).default(5),
  // 网络安全法 §21: network logs are kept at least six months
  LIUZHUAN_AUDIT_RETENTION_DAYS: z.coerce
    .number({ error: 'must be a number' })
    .int()
    .min(180, 'must be at least 180 (网络安全法 §21)')
    .max(36_500)
    .default(180),
  LIUZHUAN_WORKDAY_END: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour), e.g. 17:30')
    .default('17:30'),
  LIUZHUAN_API_RUNS_JOBS: z
    .string()
    .toLowerCase()
    .pipe(z.enum(SWITCH, { error: 'must be one of true/false/1/0/yes/no/on/off' }))
    .optional(),
  LIUZHUAN_SWEEP_MS: z.coerce.number({ error: 'must be a number' }).int().min(50).max(3_600_000).default(10_000),
  LIUZHUAN_LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  LIUZHUAN_TRUST_PROXY: z
    .string()
    .regex(
      /^[0-9A-Za-z.:/]+(,[0-9A-Za-z.:/]+)*$/,
      'must be a comma-separated list of proxy addresses, CIDR ranges or loopback/linklocal/uniquelocal',
    )
    .optional(),
  LIUZHUAN_HTTPS: z
    .string()
    .toLowerCase()
    .pipe(z.enum(SWITCH, { error: 'must be one of true/false/1/0/yes/no/on/off' }))
    .optional(),
  LIUZHUAN_DATA_KEY: z.string().regex(DATA_KEY, DATA_KEY_HINT).optional(),
  LIUZHUAN_DATA_KEY_FILE: z.string().min(1).optional(),
  LIUZHUAN_DATA_OLD_KEYS: z
    .string()
    .regex(new RegExp(`^${DATA_KEY.source.slice(1, -1)}(,${DATA_KEY.source.slice(1, -1)})*$`), `comma-separated, each ${DATA_KEY_HINT}`)
    .optional(),
  LIUZHUAN_LETTER_CAPTCHA: z
    .string()
    .toLowerCase()
    .pipe(z.enum(SWITCH, { error: 'must be one of true/false/1/0/yes/no/on/off' }))
    .optional(),
  // a 20 MB attachment at 2 Mbit/s takes 80 s to arrive: the request time covers it with room
  LIUZHUAN_REQUEST_TIMEOUT_SECONDS: z.coerce
    .number({ error: 'must be a number' })
    .int()
    .min(5, 'must be 5–3600')
    .max(3600, 'must be 5–3600')
    .default(120),
  LIUZHUAN_HEADERS_TIMEOUT_SECONDS: z.coerce
    .number({ error: 'must be a number' })
    .int()
    .min(1, 'must be 1–600')
    .max(600, 'must be 1–600')
    .default(20),
  LIUZHUAN_KEEP_ALIVE_SECONDS: z.coerce
    .number({ error: 'must be a number' })
    .int()
    .min(1, 'must be 1–600')
    .max(600, 'must be 1–600')
    .default(72),
  LIUZHUAN_IDLE_TIMEOUT_SECONDS: z.coerce
    .number({ error: 'must be a number' })
    .int()
    .min(20, 'must be 20–3600')
    .max(3600, 'must be 20–3600')
    .default(120),
  LIUZHUAN_OPENAPI_PUBLIC: z
    .string()
    .toLowerCase()
    .pipe(z.enum(SWITCH, { error: 'must be one of true/false/1/0/yes/no/on/off' }))
    .optional(),
  LIUZHUAN_TOTP_LEADERS: z
    .string()
    .toLowerCase()
    .pipe(z.enum(SWITCH, { error: 'must be one of true/false/1/0/yes/no/on/off' }))
    .optional(),
  NODE_ENV: z.string().optional(),
  LIUZHUAN_TEST_CAPTCHA_ANSWER: z
    .string()
    .regex(/^[A-Za-z0-9]{0,8}$/, 'letters and digits only')
    .optional(),
});

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  /** `pool`: MySQL connections this process keeps at most */
  database: { kind: 'sqlite'; file: string } | { kind: 'mysql'; url: string; pool: number };
  queue: { kind: 'local' } | { kind: 'bullmq'; url: string; prefix: string };
  demo: { enabled: boolean; password: string };
  clientDir: string | null;
  session: { idleMinutes: number; maxHours: number };
  /**
   * Sign-in (身份鉴别): `maxFailures` wrong passwords within `windowMinutes` lock the account for
   * `lockoutMinutes`; one address may fail `addressMaxFailures` times per `addressWindowMinutes`.
   */
  login: { maxFailures: number; windowMinutes: number; lockoutMinutes: number; addressMaxFailures: number; addressWindowMinutes: number };
  /** A password expires `maxAgeDays` after it was set (0: never) and may not be one of the last `history`. */
  password: { maxAgeDays: number; history: number };
  /** The audit trail: an event younger than `retentionDays` (at least 180) is never archived. */
  audit: { retentionDays: number };
  /** `leaders`: leaders must enrol a second factor too (the admins always must; docs/security.md) */
  totp: { leaders: boolean };
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /** working-day deadlines end at this Beijing wall-clock time, `HH:MM` */
  calendar: { workdayEnd: string };
  /**
   * `runInApi`: the API process consumes the queue and sweeps (embedded mode always; with Redis
   * the worker does, unless LIUZHUAN_API_RUNS_JOBS=true). `sweepMs`: how often due jobs whose
   * queue push may have been lost are pushed again.
   */
  jobs: { runInApi: boolean; sweepMs: number };
  /**
   * Reverse proxies (nginx) whose X-Forwarded-For is believed, so that the client address (rate
   * limits, sign-in log) is the user's, not the proxy's. Empty: the socket address is used.
   */
  trustProxy: string[];
  /**
   * Whether users reach the product over TLS (a terminator in front). Only then may the CSP ask
   * browsers to upgrade requests to https and HSTS be sent: on the plain-HTTP LAN of the embedded
   * default, `upgrade-insecure-requests` makes Chromium fetch every bundle over https and the
   * client stays blank for every machine but the server's own.
   */
  https: boolean;
  /**
   * The keys personal data is encrypted under (platform/crypto/key-store.ts). `current`: the key
   * new cipher text uses (from LIUZHUAN_DATA_KEY, else read from `file`); `old`: keys still
   * accepted for decryption after a rotation. `file` without `current`: the key is read from that
   * file at start, and created there (0600) in embedded mode when it does not exist yet.
   */
  dataKeys: { current: string | null; file: string | null; old: string[] };
  /** Whether a public letter needs a server-drawn captcha (LIUZHUAN_LETTER_CAPTCHA, default on). */
  letterCaptcha: boolean;
  /** Tests only (honoured with NODE_ENV=test): every captcha issued has this answer. */
  testCaptchaAnswer: string | null;
  /**
   * Node's HTTP limits, in ms. `requestTimeoutMs`: the whole request (headers and body) must
   * arrive within it; `headersTimeoutMs`: the headers within it (slow-header clients);
   * `keepAliveTimeoutMs`: an idle kept-alive connection is closed after it; `idleTimeoutMs`: a
   * socket with no traffic either way is closed after it (the notification stream sends a
   * heartbeat every 15 s, so it stays open).
   */
  http: { requestTimeoutMs: number; headersTimeoutMs: number; keepAliveTimeoutMs: number; idleTimeoutMs: number };
  /** Whether /api/docs and /api/docs-json answer without a sign-in (default: embedded mode only). */
  openApiPublic: boolean;
  /**
   * The CJK font the server's PDFs (处理单) are set in: a .ttf/.otf/.ttc file and, for a collection
   * (.ttc), the PostScript name of the face; unset: the Debian fonts-noto-cjk files, then the
   * Noto Serif SC that npm installs. `fontDir`: the office's licensed 公文 fonts (方正小标宋简体,
   * 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体), found by file name; null: the fallback only.
   */
  rendering: { cjkFont: string | null; cjkFontName: string | null; fontDir: string | null };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.')}=${JSON.stringify(env[String(i.path[0])] ?? '')}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.DATABASE_URL && !e.LIUZHUAN_DATA_KEY && !e.LIUZHUAN_DATA_KEY_FILE) {
    problems.push(
      'LIUZHUAN_DATA_KEY="": required in production mode (DATABASE_URL set): personal data is encrypted under it. ' +
        `Set LIUZHUAN_DATA_KEY (${DATA_KEY_HINT.replace('must be ', '')}) or LIUZHUAN_DATA_KEY_FILE, the same in every process`,
    );
  }
  if (e.LIUZHUAN_TEST_CAPTCHA_ANSWER && e.NODE_ENV !== 'test') {
    problems.push('LIUZHUAN_TEST_CAPTCHA_ANSWER: only honoured with NODE_ENV=test; unset it');
  }
  if (problems.length) throw new ConfigError(problems);
  const demo = e.LIUZHUAN_DEMO === undefined ? undefined : isOn(e.LIUZHUAN_DEMO);
  const dataDir = resolve(e.LIUZHUAN_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'mysql', url: e.DATABASE_URL, pool: e.LIUZHUAN_DB_POOL }
      : { kind: 'sqlite', file: resolve(dataDir, 'liuzhuan.sqlite') },
    queue: e.REDIS_URL ? { kind: 'bullmq', url: e.REDIS_URL, prefix: e.REDIS_PREFIX } : { kind: 'local' },
    // demo data is on by default only in embedded mode
    demo: { enabled: demo ?? !e.DATABASE_URL, password: e.LIUZHUAN_DEMO_PASSWORD },
    clientDir: e.LIUZHUAN_CLIENT_DIR ? resolve(e.LIUZHUAN_CLIENT_DIR) : null,
    session: { idleMinutes: e.LIUZHUAN_SESSION_IDLE_MINUTES, maxHours: e.LIUZHUAN_SESSION_MAX_HOURS },
    login: {
      maxFailures: e.LIUZHUAN_LOGIN_MAX_FAILURES,
      windowMinutes: e.LIUZHUAN_LOGIN_WINDOW_MINUTES,
      lockoutMinutes: e.LIUZHUAN_LOCKOUT_MINUTES,
      addressMaxFailures: e.LIUZHUAN_LOGIN_ADDRESS_MAX_FAILURES,
      addressWindowMinutes: e.LIUZHUAN_LOGIN_ADDRESS_WINDOW_MINUTES,
    },
    password: { maxAgeDays: e.LIUZHUAN_PASSWORD_MAX_AGE_DAYS, history: e.LIUZHUAN_PASSWORD_HISTORY },
    audit: { retentionDays: e.LIUZHUAN_AUDIT_RETENTION_DAYS },
    totp: { leaders: e.LIUZHUAN_TOTP_LEADERS === undefined ? false : isOn(e.LIUZHUAN_TOTP_LEADERS) },
    logLevel: e.LIUZHUAN_LOG_LEVEL,
    calendar: { workdayEnd: e.LIUZHUAN_WORKDAY_END },
    jobs: {
      runInApi: e.LIUZHUAN_API_RUNS_JOBS === undefined ? !e.REDIS_URL : isOn(e.LIUZHUAN_API_RUNS_JOBS),
      sweepMs: e.LIUZHUAN_SWEEP_MS,
    },
    trustProxy: e.LIUZHUAN_TRUST_PROXY ? e.LIUZHUAN_TRUST_PROXY.split(',') : [],
    https: e.LIUZHUAN_HTTPS !== undefined && isOn(e.LIUZHUAN_HTTPS),
    dataKeys: {
      current: e.LIUZHUAN_DATA_KEY ?? null,
      file: e.LIUZHUAN_DATA_KEY_FILE ? resolve(e.LIUZHUAN_DATA_KEY_FILE) : e.DATABASE_URL ? null : resolve(dataDir, 'keys', 'data.key'),
      old: e.LIUZHUAN_DATA_OLD_KEYS ? e.LIUZHUAN_DATA_OLD_KEYS.split(',') : [],
    },
    letterCaptcha: e.LIUZHUAN_LETTER_CAPTCHA === undefined || isOn(e.LIUZHUAN_LETTER_CAPTCHA),
    testCaptchaAnswer: e.LIUZHUAN_TEST_CAPTCHA_ANSWER || null,
    http: {
      requestTimeoutMs: e.LIUZHUAN_REQUEST_TIMEOUT_SECONDS * 1000,
      // Node requires the headers' limit to be within the request's
      headersTimeoutMs: Math.min(e.LIUZHUAN_HEADERS_TIMEOUT_SECONDS, e.LIUZHUAN_REQUEST_TIMEOUT_SECONDS) * 1000,
      keepAliveTimeoutMs: e.LIUZHUAN_KEEP_ALIVE_SECONDS * 1000,
      idleTimeoutMs: e.LIUZHUAN_IDLE_TIMEOUT_SECONDS * 1000,
    },
    openApiPublic: e.LIUZHUAN_OPENAPI_PUBLIC === undefined ? !e.DATABASE_URL : isOn(e.LIUZHUAN_OPENAPI_PUBLIC),
    rendering: {
      cjkFont: e.LIUZHUAN_CJK_FONT ? resolve(e.LIUZHUAN_CJK_FONT) : null,
      cjkFontName: e.LIUZHUAN_CJK_FONT_NAME ?? null,
      fontDir: e.LIUZHUAN_FONT_DIR ? resolve(e.LIUZHUAN_FONT_DIR) : null,
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
