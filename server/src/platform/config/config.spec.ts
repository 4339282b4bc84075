import { ConfigError, loadConfig } from './config';

/** production mode needs a data key (personal data is encrypted under it) */
const KEY = { LIUZHUAN_DATA_KEY: 'k1:00112233445566778899aabbccddeeff' };

describe('loadConfig', () => {
  it('should choose embedded SQLite, the local queue and demo data when nothing is set', () => {
    // given an empty environment
    // when
    const config = loadConfig({});
    // then
    expect(config.port).toBe(3000);
    expect(config.database.kind).toBe('sqlite');
    expect(config.queue.kind).toBe('local');
    expect(config.demo).toEqual({ enabled: true, password: 'Liuzhuan@2026' });
  });

  it('should choose MySQL and BullMQ without demo data when both URLs are set', () => {
    const config = loadConfig({ ...KEY, DATABASE_URL: 'mysql://root@127.0.0.1:3306/lz', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(config.database).toEqual({ kind: 'mysql', url: 'mysql://root@127.0.0.1:3306/lz', pool: 20 });
    expect(config.queue).toEqual({ kind: 'bullmq', url: 'redis://127.0.0.1:6379', prefix: 'liuzhuan' });
    expect(config.demo.enabled).toBe(false);
  });

  it('should name every bad variable when several are wrong', () => {
    // given
    const env = { PORT: 'eighty', DATABASE_URL: 'postgres://x', LIUZHUAN_DEMO: 'maybe' };
    // when
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    // then
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT="eighty"');
    expect(problems).toContain('DATABASE_URL="postgres://x"');
  });

  it('should serve plain HTTP unless LIUZHUAN_HTTPS says a TLS terminator is in front', () => {
    expect(loadConfig({}).https).toBe(false);
    expect(loadConfig({ LIUZHUAN_HTTPS: 'true' }).https).toBe(true);
    expect(() => loadConfig({ LIUZHUAN_HTTPS: 'maybe' })).toThrow(/LIUZHUAN_HTTPS/);
  });

  it('should believe no proxy unless LIUZHUAN_TRUST_PROXY names them', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ LIUZHUAN_TRUST_PROXY: 'uniquelocal,10.0.0.5' }).trustProxy).toEqual(['uniquelocal', '10.0.0.5']);
    expect(() => loadConfig({ LIUZHUAN_TRUST_PROXY: 'any proxy' })).toThrow(/LIUZHUAN_TRUST_PROXY/);
  });

  it('should limit request, header, keep-alive and idle times when nothing is configured', () => {
    // given / when / then
    expect(loadConfig({}).http).toEqual({
      requestTimeoutMs: 120_000,
      headersTimeoutMs: 20_000,
      keepAliveTimeoutMs: 72_000,
      idleTimeoutMs: 120_000,
    });
    expect(
      loadConfig({
        LIUZHUAN_REQUEST_TIMEOUT_SECONDS: '10',
        LIUZHUAN_HEADERS_TIMEOUT_SECONDS: '30',
        LIUZHUAN_KEEP_ALIVE_SECONDS: '5',
        LIUZHUAN_IDLE_TIMEOUT_SECONDS: '60',
      }).http,
    ).toEqual({ requestTimeoutMs: 10_000, headersTimeoutMs: 10_000, keepAliveTimeoutMs: 5_000, idleTimeoutMs: 60_000 });
  });

  it.each([
    ['LIUZHUAN_REQUEST_TIMEOUT_SECONDS', '0'],
    ['LIUZHUAN_HEADERS_TIMEOUT_SECONDS', 'soon'],
    ['LIUZHUAN_IDLE_TIMEOUT_SECONDS', '5'],
  ])('should reject %s=%s when it is not a limit in range', (name, value) => {
    // given / when / then
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it('should open the OpenAPI description in embedded mode only unless LIUZHUAN_OPENAPI_PUBLIC says otherwise', () => {
    // given
    const production = { ...KEY, DATABASE_URL: 'mysql://root@h/db' };
    // when / then
    expect(loadConfig({}).openApiPublic).toBe(true);
    expect(loadConfig(production).openApiPublic).toBe(false);
    expect(loadConfig({ ...production, LIUZHUAN_OPENAPI_PUBLIC: 'true' }).openApiPublic).toBe(true);
    expect(loadConfig({ LIUZHUAN_OPENAPI_PUBLIC: 'off' }).openApiPublic).toBe(false);
    expect(() => loadConfig({ LIUZHUAN_OPENAPI_PUBLIC: 'maybe' })).toThrow(/LIUZHUAN_OPENAPI_PUBLIC/);
  });

  it('should reject an unknown demo switch value', () => {
    expect(() => loadConfig({ LIUZHUAN_DEMO: 'maybe' })).toThrow(/must be one of/);
  });

  it('should turn demo data on in production mode when asked', () => {
    const config = loadConfig({ ...KEY, DATABASE_URL: 'mysql://root@h/db', LIUZHUAN_DEMO: 'true' });
    expect(config.demo.enabled).toBe(true);
  });

  it('should end working-day deadlines at 17:30 unless LIUZHUAN_WORKDAY_END says otherwise', () => {
    expect(loadConfig({}).calendar.workdayEnd).toBe('17:30');
    expect(loadConfig({ LIUZHUAN_WORKDAY_END: '18:00' }).calendar.workdayEnd).toBe('18:00');
  });

  it.each(['5:30', '24:00', '17:60', 'evening'])('should reject LIUZHUAN_WORKDAY_END=%s when it is not a 24-hour HH:MM', (value) => {
    expect(() => loadConfig({ LIUZHUAN_WORKDAY_END: value })).toThrow(/LIUZHUAN_WORKDAY_END/);
  });

  it('should run jobs in the API process only in embedded mode unless asked to', () => {
    // given / when
    const embedded = loadConfig({});
    const production = loadConfig({ ...KEY, DATABASE_URL: 'mysql://root@h/db', REDIS_URL: 'redis://h:6379' });
    const both = loadConfig({
      ...KEY,
      DATABASE_URL: 'mysql://root@h/db',
      REDIS_URL: 'redis://h:6379',
      LIUZHUAN_API_RUNS_JOBS: 'yes',
      LIUZHUAN_SWEEP_MS: '500',
    });
    // then
    expect(embedded.jobs).toEqual({ runInApi: true, sweepMs: 10_000 });
    expect(production.jobs.runInApi).toBe(false);
    expect(both.jobs).toEqual({ runInApi: true, sweepMs: 500 });
  });
});

describe('loadConfig: data keys and the letter captcha', () => {
  it('should stop a production start without a data key, naming the variable', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/lz' })).toThrow(/LIUZHUAN_DATA_KEY.*required in production mode/);
    const ok = loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/lz', LIUZHUAN_DATA_KEY: 'k1:00112233445566778899aabbccddeeff' });
    expect(ok.dataKeys).toEqual({ current: 'k1:00112233445566778899aabbccddeeff', file: null, old: [] });
  });

  it('should keep the embedded key file in the data dir, and refuse a malformed key', () => {
    expect(loadConfig({ LIUZHUAN_DATA_DIR: '/srv/lz' }).dataKeys).toEqual({ current: null, file: '/srv/lz/keys/data.key', old: [] });
    expect(() => loadConfig({ LIUZHUAN_DATA_KEY: 'secret' })).toThrow(/LIUZHUAN_DATA_KEY="secret"/);
    expect(
      loadConfig({ LIUZHUAN_DATA_OLD_KEYS: 'k1:00112233445566778899aabbccddeeff,k0:ffeeddccbbaa99887766554433221100' }).dataKeys.old,
    ).toHaveLength(2);
  });

  it('should turn the captcha off only when told, and honour a fixed test answer only under NODE_ENV=test', () => {
    expect(loadConfig({}).letterCaptcha).toBe(true);
    expect(loadConfig({ LIUZHUAN_LETTER_CAPTCHA: 'false' }).letterCaptcha).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', LIUZHUAN_TEST_CAPTCHA_ANSWER: '2468' }).testCaptchaAnswer).toBe('2468');
    expect(() => loadConfig({ NODE_ENV: 'production', LIUZHUAN_TEST_CAPTCHA_ANSWER: '2468' })).toThrow(/only honoured with NODE_ENV=test/);
  });
});
