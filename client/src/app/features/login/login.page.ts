import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { AuthService, PasswordChangeRequired } from '../../core/auth/auth.service';
import { apiErrorText } from '../../core/http/api-error';
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
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule, NzButtonModule, NzIconModule, NzAlertModule, TranslatePipe],
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
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

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

  private focusFirstInvalid(): void {
    const target = this.form.controls.username.invalid ? this.usernameInput() : this.passwordInput();
    target.nativeElement.focus();
  }
}
