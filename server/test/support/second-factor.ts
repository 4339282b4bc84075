import { Secret, TOTP } from 'otpauth';

/** What the tests know of one account's second factor: its secret, the last step used, unused recovery codes. */
export interface KnownFactor {
  secret: string;
  lastStep: number;
  recoveryCodes: string[];
}

const PERIOD_MS = 30_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The RFC 6238 code of a secret at a time step (what an authenticator app shows). */
export function totpAt(secret: string, step: number): string {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({
    timestamp: step * PERIOD_MS,
  });
}

export const currentStep = (at = Date.now()) => Math.floor(at / PERIOD_MS);

/**
 * A code the server has not seen for this account: this step's, else the next one's (the
 * server accepts one step of drift), else a recovery code, else it waits for a new step. The
 * choice is made before any await, so parallel sign-ins of one account never pick the same code.
 */
export async function nextCode(factor: KnownFactor): Promise<string> {
  const now = currentStep();
  if (factor.lastStep < now + 1) {
    factor.lastStep = Math.max(now, factor.lastStep + 1);
    return totpAt(factor.secret, factor.lastStep);
  }
  const recovery = factor.recoveryCodes.shift();
  if (recovery) return recovery;
  const step = ++factor.lastStep;
  await sleep(Math.max(0, (step - 1) * PERIOD_MS - Date.now() + 50));
  return totpAt(factor.secret, step);
}

type Post = (path: string, body: unknown, token?: string) => Promise<{ status: number; body: any }>;

/**
 * Signs in as a person with an authenticator would: an account that must enrol gets the secret,
 * activates it with a computed code, keeps the recovery codes and signs in with a code; an
 * account with a factor answers with a code. `factors` remembers what it learnt, per database.
 */
export async function signInWithSecondFactor(
  post: Post,
  factors: Map<string, KnownFactor>,
  username: string,
  password: string,
): Promise<{ status: number; body: any }> {
  const known = factors.get(username);
  const form = async (totp?: string) => post('/api/auth/login', { username, password, ...(totp ? { totp } : {}) });
  let r = await form(known ? await nextCode(known) : undefined);
  if (r.status === 200 && r.body.enrolmentRequired) {
    const token = r.body.accessToken as string;
    const enrolled = await post('/api/auth/totp/enroll', {}, token);
    if (enrolled.status !== 200) throw new Error(`enrol ${username}: ${enrolled.status} ${JSON.stringify(enrolled.body)}`);
    const factor: KnownFactor = { secret: enrolled.body.secret, lastStep: currentStep(), recoveryCodes: [] };
    const activated = await post('/api/auth/totp/activate', { code: totpAt(factor.secret, factor.lastStep) }, token);
    if (activated.status !== 200) throw new Error(`activate ${username}: ${activated.status} ${JSON.stringify(activated.body)}`);
    factor.recoveryCodes = [...activated.body.recoveryCodes];
    factors.set(username, factor);
    r = await form(await nextCode(factor));
  } else if (r.status === 401 && r.body?.code === 'AUTH_TOTP_REQUIRED') {
    throw new Error(`${username} has a second factor these tests do not know (reset it, or sign in with its secret)`);
  }
  return r;
}
