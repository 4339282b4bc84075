import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Captcha } from '@liuzhuan/contracts';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config';
import { KeyStore } from '../../platform/crypto/key-store';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { newId } from '../../platform/ids/ids';
import { captchaDataUrl, drawCaptcha, randomCaptchaText } from './captcha-image';
import { CaptchaEntity } from './letter.entity';
import { CaptchaRepository } from './captcha.repository';
import { MailboxErrors } from './mailbox.errors';

export const CAPTCHA_TTL_MS = 5 * 60 * 1000;

/**
 * The captcha of the public letter form. The answer is stored only as a keyed digest (HMAC-SM3
 * under the data key, bound to the captcha's id), expires after 5 minutes and is deleted by the
 * first answer, right or wrong, so each captcha gets one guess.
 *
 * Tests: with NODE_ENV=test, LIUZHUAN_TEST_CAPTCHA_ANSWER makes every captcha's answer that text
 * (config.ts refuses it otherwise); everything else (single use, expiry, the digest) is as in production.
 */
@Injectable()
export class CaptchaService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: KeyStore,
    private readonly tx: TransactionRunner,
    private readonly captchas: CaptchaRepository,
  ) {}

  get required(): boolean {
    return this.config.letterCaptcha;
  }

  async issue(): Promise<Captcha> {
    if (!this.required) return { required: false, id: null, image: null, expiresAt: null };
    const answer = this.config.testCaptchaAnswer ?? randomCaptchaText();
    const id = newId();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + CAPTCHA_TTL_MS);
    await this.tx.run(async (tx) => {
      await this.captchas.deleteExpired(now, tx.manager);
      await this.captchas.insert(Object.assign(new CaptchaEntity(), { id, answerDigest: this.digest(id, answer), expiresAt }), tx.manager);
    });
    return { required: true, id, image: captchaDataUrl(drawCaptcha(answer)), expiresAt: expiresAt.toISOString() };
  }

  /** Throws CAPTCHA_REQUIRED without an id and answer, CAPTCHA_INVALID for a wrong, expired or used one. */
  async check(id: string | undefined, answer: string | undefined): Promise<void> {
    if (!this.required) return;
    if (!id || !answer?.trim()) throw MailboxErrors.captchaRequired();
    const captcha = await this.tx.run((tx) => this.captchas.take(id, tx.manager));
    if (!captcha || captcha.expiresAt.getTime() <= Date.now()) throw MailboxErrors.captchaInvalid();
    const given = Buffer.from(this.digest(id, answer));
    const expected = Buffer.from(captcha.answerDigest);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw MailboxErrors.captchaInvalid();
  }

  private digest(id: string, answer: string): string {
    return this.keys.blindIndex('captcha', `${id}:${answer.trim().toUpperCase()}`);
  }
}
