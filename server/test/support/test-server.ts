import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory';
import { createTestEnvironment, type TestEnvironment } from './test-env';
import { type KnownFactor, signInWithSecondFactor } from './second-factor';

export const DEMO_PASSWORD = 'Liuzhuan@2026';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** The second factors the tests enrolled, per database (a restarted server on the same environment knows them). */
const FACTORS = new WeakMap<TestEnvironment, Map<string, KnownFactor>>();

/** A started server on a free port, called over real HTTP as a client would. */
export class TestServer {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly env: TestEnvironment,
    readonly baseUrl: string,
  ) {}

  static async start(overrides: Record<string, string> = {}): Promise<TestServer> {
    return TestServer.startOn(await createTestEnvironment(overrides));
  }

  /** A server on an existing environment (the same database): a restart after a crash. */
  static async startOn(env: TestEnvironment, configOverrides: Partial<TestEnvironment['config']> = {}): Promise<TestServer> {
    const app = await createApp({ ...env.config, ...configOverrides });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address() as { port: number };
    return new TestServer(app, env, `http://127.0.0.1:${address.port}`);
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.env.dispose();
  }

  /** Stops the application but keeps its database, data dir and queue keys for a next start. */
  async stopApp(): Promise<void> {
    await this.app.close();
  }

  async call<T = any>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; raw?: string; contentType?: string } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.raw !== undefined) {
      body = options.raw;
      headers['content-type'] = options.contentType ?? 'application/json';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (the client's HTML, for example): the text itself is the body
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /** The second factors enrolled by {@link login} on this database, by username. */
  get factors(): Map<string, KnownFactor> {
    let known = FACTORS.get(this.env);
    if (!known) FACTORS.set(this.env, (known = new Map()));
    return known;
  }

  /**
   * Signs in and returns a normal session token. An account that must have a second factor (the
   * admins) enrols one on its first sign-in and answers a TOTP code from then on, as a person
   * with an authenticator app would (support/second-factor.ts).
   */
  async login(username: string, password = DEMO_PASSWORD): Promise<string> {
    const r = await signInWithSecondFactor(
      (path, body, token) => this.call('POST', path, { body, token }),
      this.factors,
      username,
      password,
    );
    if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.accessToken;
  }
}
