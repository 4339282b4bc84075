import { Injectable } from '@nestjs/common';
import { type EntityManager, LessThan } from 'typeorm';
import { CaptchaEntity } from './letter.entity';

/** The captchas of the public letter form; always written inside a unit of work. */
@Injectable()
export class CaptchaRepository {
  async insert(captcha: CaptchaEntity, m: EntityManager): Promise<void> {
    await m.insert(CaptchaEntity, captcha);
  }

  async deleteExpired(now: Date, m: EntityManager): Promise<void> {
    await m.delete(CaptchaEntity, { expiresAt: LessThan(now) });
  }

  /** Removes the captcha and returns it, or null when it is unknown or another request took it first (single use). */
  async take(id: string, m: EntityManager): Promise<CaptchaEntity | null> {
    const found = await m.findOneBy(CaptchaEntity, { id });
    if (!found) return null;
    const { affected } = await m.delete(CaptchaEntity, { id });
    return affected === 1 ? found : null;
  }
}
