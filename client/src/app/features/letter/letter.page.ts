import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { firstValueFrom } from 'rxjs';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { SelectLabelDirective } from '../../shared/a11y/select-label.directive';
import type { Captcha, CreateLetter, LetterCategory } from '@liuzhuan/contracts';
import { ContractApi } from '../../core/api/contract-api.service';
import { apiErrorText, toApiError } from '../../core/http/api-error';
import { quietRequest } from '../../core/http/http-context';
import { I18nService } from '../../core/i18n/i18n.service';
import { LETTER_TEXTS, type LetterKey } from './letter-i18n';

const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;
const ID_NUMBER = /^\d{17}[\dXx]$/;

/** 领导信箱 for the public, without signing in: the letter, a captcha drawn by the server, the query code. */
@Component({
  selector: 'app-letter-page',
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule, NzSelectModule, SelectLabelDirective, NzButtonModule, NzAlertModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './letter.page.html',
  styleUrl: './letter.page.css',
})
export default class LetterPage implements OnInit {
  private readonly api = inject(ContractApi);
  private readonly i18n = inject(I18nService);

  protected readonly categories: LetterCategory[] = ['consultation', 'complaint', 'suggestion', 'help'];
  protected readonly form = inject(NonNullableFormBuilder).group({
    category: ['consultation' as LetterCategory],
    subject: ['', [Validators.required, Validators.maxLength(100)]],
    content: ['', [Validators.required, Validators.maxLength(5000)]],
    name: ['', [Validators.required, Validators.maxLength(50)]],
    phone: ['', [Validators.required, Validators.pattern(PHONE)]],
    idNumber: ['', [Validators.pattern(ID_NUMBER)]],
    address: ['', [Validators.maxLength(200)]],
    email: ['', [Validators.email, Validators.maxLength(100)]],
    captchaAnswer: [''],
  });
  protected readonly captcha = signal<Captcha | null>(null);
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly queryCode = signal<string | null>(null);

  ngOnInit(): void {
    void this.refreshCaptcha();
  }

  protected t(key: LetterKey): string {
    return (this.i18n.isChinese() ? LETTER_TEXTS.zh : LETTER_TEXTS.en)[key];
  }

  /** A new captcha (after a refused answer too: each one is good for one try). */
  async refreshCaptcha(): Promise<void> {
    this.form.controls.captchaAnswer.reset('');
    this.captcha.set(await firstValueFrom(this.api.call('GET /public/captcha', { context: quietRequest() })).catch(() => null));
  }

  async submit(): Promise<void> {
    if (this.submitting()) return;
    const needsCaptcha = this.captcha()?.required ?? false;
    if (this.form.invalid || (needsCaptcha && !this.form.controls.captchaAnswer.value.trim())) {
      this.form.markAllAsTouched();
      Object.values(this.form.controls).forEach((c) => {
        c.markAsDirty();
        c.updateValueAndValidity();
      });
      if (needsCaptcha && !this.form.controls.captchaAnswer.value.trim()) this.form.controls.captchaAnswer.setErrors({ required: true });
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    const v = this.form.getRawValue();
    const body: CreateLetter = {
      category: v.category,
      subject: v.subject.trim(),
      content: v.content.trim(),
      name: v.name.trim(),
      phone: v.phone.trim(),
      ...(v.idNumber.trim() ? { idNumber: v.idNumber.trim() } : {}),
      ...(v.address.trim() ? { address: v.address.trim() } : {}),
      ...(v.email.trim() ? { email: v.email.trim() } : {}),
      ...(needsCaptcha ? { captchaId: this.captcha()?.id ?? undefined, captchaAnswer: v.captchaAnswer.trim() } : {}),
    };
    try {
      const receipt = await firstValueFrom(this.api.call('POST /public/letters', { body, context: quietRequest() }));
      this.queryCode.set(receipt.queryCode);
    } catch (error) {
      this.error.set(apiErrorText(error, this.i18n));
      // a captcha is used up by any answer: the writer gets a new one
      if (needsCaptcha || toApiError(error)?.code.startsWith('CAPTCHA_')) await this.refreshCaptcha();
    } finally {
      this.submitting.set(false);
    }
  }

  another(): void {
    this.queryCode.set(null);
    this.form.reset();
    void this.refreshCaptcha();
  }
}
