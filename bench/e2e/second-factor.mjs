// The workflow admin must sign in with a second factor (docs/security.md): on a fresh bench
// database it enrols TOTP (enroll, activate with a computed code) and signs in with the next code.
import { Secret, TOTP } from 'otpauth';
import { call, ok } from './lib.mjs';

const codeAt = (secret, step) =>
  new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({ timestamp: step * 30_000 });

/** Signs in `username`, enrolling a second factor first when the account must; returns the access token. */
export async function signInEnrolling(username, password) {
  let r = await call(null, 'POST', '/api/auth/login', { username, password });
  if (ok(r) && r.body.enrolmentRequired) {
    const token = r.body.accessToken;
    const enrolled = await call(token, 'POST', '/api/auth/totp/enroll', {});
    if (!ok(enrolled)) throw new Error(`enrol ${username}: ${enrolled.status} ${JSON.stringify(enrolled.body)}`);
    const step = Math.floor(Date.now() / 30_000);
    const activated = await call(token, 'POST', '/api/auth/totp/activate', { code: codeAt(enrolled.body.secret, step) });
    if (!ok(activated)) throw new Error(`activate ${username}: ${activated.status} ${JSON.stringify(activated.body)}`);
    // the activation used this step's code; the next step's is accepted (one step of drift)
    r = await call(null, 'POST', '/api/auth/login', { username, password, totp: codeAt(enrolled.body.secret, step + 1) });
  }
  if (!ok(r)) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.accessToken;
}
