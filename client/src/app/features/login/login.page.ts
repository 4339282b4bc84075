import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { TotpEnrolment } from '@liuzhuan/contracts';
import { AuthService, EnrolmentRequired, PasswordChangeRequired } from '../../core/auth/auth.service';
import { apiErrorText, toApiError } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/t.pipe';
import { homePathFor } from '../../core/layout/nav-items';

/** Only paths inside this app; anything else (`//evil`, `https://…`, /login) goes home. */
export function safeReturnUrl(returnUrl: string | undefined): string | null {
  if (!returnUrl || !returnUrl.startsWith('/') || returnUrl.startsWith('//')) return null;
  if (returnUrl === '/login' || returnUrl.startsWith('/login?')) return null;
  return returnUrl;
}

@Component({
  selector: 'app-login-page',
  imports: [ReactiveFormsModule, NzInputModule, NzButtonModule, NzIconModule, NzAlertModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login.page.html',
  styleUrl: './login.page.css',
  host: { class: 'login-page' },
})
export default class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);

  /** `?returnUrl=` from the guard or the 401 handler, via component input binding. */
  readonly returnUrl = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', [Validators.required, Validators.maxLength(64)]],
    password: ['', [Validators.required, Validators.maxLength(256)]],
  });
  /** The new-password form after a sign-in with a one-time password (the rule: PASSWORD_RULE_ZH). */
  protected readonly changeForm = inject(NonNullableFormBuilder).group({
    current: ['', [Validators.required, Validators.maxLength(256)]],
    next: ['', [Validators.required, Validators.maxLength(128)]],
    repeat: ['', [Validators.required, Validators.maxLength(128)]],
  });
  protected readonly changing = signal(false);
  /**
   * The second factor: `enrol` shows the QR code and the secret with a code field, `recovery`
   * the ten recovery codes (once), `code` asks for the authenticator's code (or a recovery code).
   */
  protected readonly factorStage = signal<'enrol' | 'recovery' | 'code' | null>(null);
  protected readonly enrolment = signal<TotpEnrolment | null>(null);
  protected readonly recoveryCodes = signal<readonly string[]>([]);
  protected readonly useRecoveryCode = signal(false);
  protected readonly codeForm = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.maxLength(32)]],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  /**
   * A field to mark in red with its message: invalid, once touched or submitted. The fields are
   * laid out with ng-zorro's form classes but without NzFormModule, whose error tooltips would
   * bring the CDK overlay into the sign-in page's first load.
   */
  protected invalid(control: AbstractControl): boolean {
    return control.invalid && (control.dirty || control.touched);
  }

  private readonly usernameInput = viewChild.required<ElementRef<HTMLInputElement>>('usernameInput');
  private readonly passwordInput = viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');

  async submit(): Promise<void> {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      Object.values(this.form.controls).forEach((control) => {
        control.markAsDirty();
        control.updateValueAndValidity();
      });
      this.focusFirstInvalid();
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    const { username, password } = this.form.getRawValue();
    try {
      const user = await this.auth.login(username.trim(), password);
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()) ?? homePathFor(user.roles));
    } catch (error) {
      if (error instanceof PasswordChangeRequired) {
        this.changeForm.reset({ current: password, next: '', repeat: '' });
        this.changing.set(true);
        return;
      }
      if (error instanceof EnrolmentRequired) {
        await this.startEnrolment();
        return;
      }
      if (toApiError(error)?.code === 'AUTH_TOTP_REQUIRED') {
        this.askForCode();
        return;
      }
      // Wrong password, locked or disabled account, server down: say so on the form and let
      // the user try again with the password field cleared.
      this.error.set(apiErrorText(error, this.i18n));
      this.form.controls.password.reset();
      this.passwordInput().nativeElement.focus();
    } finally {
      this.submitting.set(false);
    }
  }

  /** Sets the new password with the change-only token, then signs in with it. */
  async submitChange(): Promise<void> {
    if (this.submitting()) return;
    if (this.changeForm.invalid) {
      this.changeForm.markAllAsTouched();
      Object.values(this.changeForm.controls).forEach((control) => {
        control.markAsDirty();
        control.updateValueAndValidity();
      });
      return;
    }
    const { current, next, repeat } = this.changeForm.getRawValue();
    if (next !== repeat) {
      this.error.set(this.i18n.t('login.passwordMismatch'));
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    try {
      await this.auth.changePassword(current, next);
    } catch (error) {
      this.error.set(apiErrorText(error, this.i18n));
      this.submitting.set(false);
      return;
    }
    // the change-only session is over: sign in with the new password
    this.changing.set(false);
    this.changeForm.reset();
    try {
      const user = await this.auth.login(this.form.getRawValue().username.trim(), next);
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()) ?? homePathFor(user.roles));
    } catch (error) {
      this.error.set(apiErrorText(error, this.i18n));
      this.form.controls.password.reset();
    } finally {
      this.submitting.set(false);
    }
  }

  /** Gets a new secret with the enrolment-only token and shows it. */
  private async startEnrolment(): Promise<void> {
    try {
      this.enrolment.set(await this.auth.enrollTotp());
      this.codeForm.reset();
      this.factorStage.set('enrol');
    } catch (error) {
      this.error.set(apiErrorText(error, this.i18n));
    }
  }

  private askForCode(): void {
    this.codeForm.reset();
    this.useRecoveryCode.set(false);
    this.factorStage.set('code');
  }

  /** Activates the secret with the first code; the recovery codes are shown next, once. */
  async submitActivation(): Promise<void> {
    if (this.submitting()) return;
    const code = this.codeForm.getRawValue().code.trim();
    if (!/^\d{6}$/.test(code)) {
      this.error.set(this.i18n.t('login.totpCodeInvalid'));
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    try {
      this.recoveryCodes.set(await this.auth.activateTotp(code));
      this.enrolment.set(null);
      this.factorStage.set('recovery');
    } catch (error) {
      this.error.set(apiErrorText(error, this.i18n));
      this.codeForm.reset();
    } finally {
      this.submitting.set(false);
    }
  }

  /** The recovery codes were kept: forget them here and sign in with a code. */
  continueAfterRecoveryCodes(): void {
    this.recoveryCodes.set([]);
    this.error.set(null);
    this.askForCode();
  }

  toggleRecoveryCode(): void {
    this.useRecoveryCode.update((v) => !v);
    this.codeForm.reset();
    this.error.set(null);
  }

  /** Signs in with the password and the authenticator's code (or a recovery code). */
  async submitCode(): Promise<void> {
    if (this.submitting()) return;
    const code = this.codeForm.getRawValue().code.trim();
    if (!code || (!this.useRecoveryCode() && !/^\d{6}$/.test(code))) {
      this.error.set(this.i18n.t(this.useRecoveryCode() ? 'login.recoveryCodeRequired' : 'login.totpCodeInvalid'));
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    const { username, password } = this.form.getRawValue();
    try {
      const user = await this.auth.login(username.trim(), password, code);
      this.factorStage.set(null);
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()) ?? homePathFor(user.roles));
    } catch (error) {
      this.error.set(apiErrorText(error, this.i18n));
      this.codeForm.reset();
    } finally {
      this.submitting.set(false);
    }
  }

  /** Back to the username and password. */
  cancelSecondFactor(): void {
    this.auth.clearSession();
    this.factorStage.set(null);
    this.enrolment.set(null);
    this.recoveryCodes.set([]);
    this.error.set(null);
    this.form.controls.password.reset();
  }

  private focusFirstInvalid(): void {
    const target = this.form.controls.username.invalid ? this.usernameInput() : this.passwordInput();
    target.nativeElement.focus();
  }
}
