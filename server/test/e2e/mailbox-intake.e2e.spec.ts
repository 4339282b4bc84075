import { DataSource } from 'typeorm';
import { LETTERS_PER_IP } from '../../src/modules/mailbox/mailbox.service';
import { TEST_CAPTCHA_ANSWER } from '../support/test-env';
import { TestServer } from '../support/test-server';

/**
 * The public intake of 领导信箱 (issue 15): a captcha drawn by the server, single use; the
 * per-address limit counted inside the letter's transaction, so 40 parallel letters from one
 * address let exactly the limit through (8 of 40 passed a limit of 5 before).
 */
describe('leader mailbox intake (e2e)', () => {
  let server: TestServer;
  let address = 0;

  beforeAll(async () => {
    // X-Forwarded-For from the test (loopback) is believed, so each test writes from its own address
    server = await TestServer.start({ LIUZHUAN_TRUST_PROXY: 'loopback' });
  });
  afterAll(() => server.stop());

  const letter = (extra: Record<string, unknown> = {}) => ({
    subject: '路灯不亮',
    content: '小区门口路灯坏了一周。',
    name: '陈立',
    phone: '13800138000',
    ...extra,
  });
  const captcha = async () => (await server.call('GET', '/api/public/captcha')).body;
  const post = (body: unknown, from: string) =>
    fetch(`${server.baseUrl}/api/public/letters`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));
  const nextAddress = () => `198.51.100.${++address}`;

  it('should draw a captcha as an SVG of paths and accept a letter with its answer once', async () => {
    // given
    const from = nextAddress();
    const c = await captcha();
    // when
    const first = await post(letter({ captchaId: c.id, captchaAnswer: TEST_CAPTCHA_ANSWER }), from);
    const again = await post(letter({ captchaId: c.id, captchaAnswer: TEST_CAPTCHA_ANSWER }), from);
    // then
    expect(c).toMatchObject({ required: true, id: expect.stringMatching(/^[0-9a-z]{26}$/i), expiresAt: expect.any(String) });
    expect(c.image).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(c.image.split(',')[1], 'base64').toString('utf8');
    expect(svg).toMatch(/^<svg[^>]*>.*<path d="M/s);
    expect(svg).not.toMatch(/<text|2468/);
    expect(first.status).toBe(201);
    expect([again.status, again.body.code]).toEqual([422, 'CAPTCHA_INVALID']);
  });

  it('should refuse a letter without a captcha, with a wrong answer (which uses it up) or with an expired one, storing nothing', async () => {
    // given
    const from = nextAddress();
    const ds = server.app.get(DataSource);
    const [{ n: before }] = await ds.query('SELECT COUNT(*) AS n FROM letter');
    const wrong = await captcha();
    const expired = await captcha();
    await ds.query('UPDATE captcha SET expires_at = ? WHERE id = ?', [
      server.env.config.database.kind === 'mysql' ? new Date(Date.now() - 1000) : '2000-01-01 00:00:00.000',
      expired.id,
    ]);
    // when
    const none = await post(letter(), from);
    const noAnswer = await post(letter({ captchaId: wrong.id }), from);
    const wrongAnswer = await post(letter({ captchaId: wrong.id, captchaAnswer: 'ZZZZ' }), from);
    const afterWrong = await post(letter({ captchaId: wrong.id, captchaAnswer: TEST_CAPTCHA_ANSWER }), from);
    const late = await post(letter({ captchaId: expired.id, captchaAnswer: TEST_CAPTCHA_ANSWER }), from);
    const unknown = await post(letter({ captchaId: '0'.repeat(26), captchaAnswer: TEST_CAPTCHA_ANSWER }), from);
    // then
    expect([none.status, none.body.code]).toEqual([422, 'CAPTCHA_REQUIRED']);
    expect([noAnswer.status, noAnswer.body.code]).toEqual([422, 'CAPTCHA_REQUIRED']);
    for (const r of [wrongAnswer, afterWrong, late, unknown]) expect([r.status, r.body.code]).toEqual([422, 'CAPTCHA_INVALID']);
    const [{ n: after }] = await ds.query('SELECT COUNT(*) AS n FROM letter');
    expect(Number(after)).toBe(Number(before));
  });

  it('should let exactly the limit through of 40 parallel letters from one address', async () => {
    // given: 40 answered captchas
    const from = nextAddress();
    const captchas = await Promise.all(Array.from({ length: 40 }, () => captcha()));
    // when: all sent at once
    const results = await Promise.all(captchas.map((c) => post(letter({ captchaId: c.id, captchaAnswer: TEST_CAPTCHA_ANSWER }), from)));
    // then
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(LETTERS_PER_IP);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - LETTERS_PER_IP);
    expect(results.find((r) => r.status === 429)?.body.code).toBe('RATE_LIMITED');
    // and another address is not affected
    const c = await captcha();
    expect((await post(letter({ captchaId: c.id, captchaAnswer: TEST_CAPTCHA_ANSWER }), nextAddress())).status).toBe(201);
  });

  it('should draw random answers outside tests, and take letters without a captcha where the deployment turned it off', async () => {
    // given: a server with random answers, and one with LIUZHUAN_LETTER_CAPTCHA=false (same database)
    await server.stopApp();
    server = await TestServer.startOn(server.env, { testCaptchaAnswer: null });
    const random = await captcha();
    const guessed = await post(letter({ captchaId: random.id, captchaAnswer: 'ABCDE' }), nextAddress());
    await server.stopApp();
    server = await TestServer.startOn(server.env, { letterCaptcha: false });
    // when
    const off = await captcha();
    const written = await post(letter(), nextAddress());
    // then
    expect([guessed.status, guessed.body.code]).toEqual([422, 'CAPTCHA_INVALID']);
    expect(off).toEqual({ required: false, id: null, image: null, expiresAt: null });
    expect(written.status).toBe(201);
  });
});
