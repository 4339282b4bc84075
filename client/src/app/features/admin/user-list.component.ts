import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { CLEARANCE_NAMES, CLEARANCES, ERROR_MESSAGES_ZH, ROLES, type Clearance, type Org, type Role, type User } from '@liuzhuan/contracts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { SelectLabelDirective } from '../../shared/a11y/select-label.directive';
import { NzTableModule, type NzTableQueryParams } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';
import { apiErrorText } from '../../core/http/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { AdminApiService } from './admin-api.service';
import { AdminI18n, AdminTranslatePipe } from './admin-i18n';
import { SEPARATED_ROLES, orgTree, separationConflict } from './admin-model';

const PAGE_SIZE = 20;

interface UserDraft {
  id: string | null;
  username: string;
  displayName: string;
  orgId: string | null;
  position: string;
}

/** A password shown this once (a new account's initial one, a reset's temporary one). */
interface OneTimePassword {
  title: string;
  password: string;
}

/**
 * 用户 under 三员分立 (docs/security.md): pinyin-aware search; in `admin` mode (system admin)
 * create (the server's one-time initial password is shown once), edit name, organization and
 * position, enable/disable; in `security` mode (security admin) roles, groups and password resets.
 */
@Component({
  selector: 'app-user-list',
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCheckboxModule,
    NzFormModule,
    NzInputModule,
    NzModalModule,
    NzPopconfirmModule,
    NzSelectModule,
    SelectLabelDirective,
    NzTableModule,
    NzTagModule,
    AdminTranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-bottom: 12px;
      align-items: center;
    }
    .filters input {
      width: 240px;
      max-width: 100%;
    }
    .filters nz-select {
      width: 220px;
      max-width: 100%;
    }
    .filters .spacer {
      flex: 1;
    }
    .muted {
      color: rgba(0, 0, 0, 0.55);
    }
    .mono {
      font-family: ui-monospace, monospace;
      font-size: 12px;
    }
    .actions {
      display: flex;
      gap: 4px;
      flex-wrap: wrap;
    }
    nz-select {
      width: 100%;
    }
    .roles {
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    .roles label {
      margin-inline-start: 0;
    }
    .modal-actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
      margin-top: 16px;
    }
    nz-alert {
      display: block;
      margin-bottom: 12px;
    }
    nz-tag {
      margin-bottom: 2px;
    }
    .one-time {
      font-size: 20px;
      letter-spacing: 1px;
      text-align: center;
      user-select: all;
      margin: 8px 0 16px;
    }
  `,
  template: `
    @if (mode() === 'security') {
      <nz-alert nzType="info" nzShowIcon [nzMessage]="'security.rule' | at" data-testid="separation-rule" />
    }
    <form class="filters" role="search" (ngSubmit)="search()">
      <input
        nz-input
        name="q"
        [(ngModel)]="q"
        [placeholder]="'user.searchPlaceholder' | at"
        [attr.aria-label]="'user.searchPlaceholder' | at"
        maxlength="50"
      />
      <nz-select
        name="orgId"
        [(ngModel)]="orgId"
        nzAllowClear
        nzShowSearch
        [nzPlaceHolder]="'user.allOrgs' | at"
        [attr.aria-label]="'user.org' | at"
        (ngModelChange)="search()"
      >
        @for (row of orgRows(); track row.org.id) {
          <nz-option [nzValue]="row.org.id" [nzLabel]="row.org.name" />
        }
      </nz-select>
      <button nz-button type="submit">{{ 'admin.search' | at }}</button>
      <span class="muted">{{ 'user.total' | at: { total: total() } }}</span>
      <span class="spacer"></span>
      @if (mode() === 'admin') {
        <button nz-button nzType="primary" type="button" data-action="add-user" (click)="openCreate()">{{ 'user.add' | at }}</button>
      }
    </form>
    <nz-table
      [nzData]="items()"
      [nzFrontPagination]="false"
      [nzTotal]="total()"
      [nzPageIndex]="pageIndex()"
      [nzPageSize]="pageSize"
      [nzLoading]="loading()"
      [nzNoResult]="'user.empty' | at"
      (nzQueryParams)="onQuery($event)"
      nzSize="small"
      [nzScroll]="{ x: '1060px' }"
    >
      <thead>
        <tr>
          <th nzWidth="110px">{{ 'user.displayName' | at }}</th>
          <th nzWidth="120px">{{ 'user.username' | at }}</th>
          <th>{{ 'user.org' | at }}</th>
          <th nzWidth="130px">{{ 'user.position' | at }}</th>
          <th>{{ 'user.roles' | at }}</th>
          <th nzWidth="140px">{{ 'user.clearance' | at }}</th>
          <th nzWidth="80px">{{ 'user.status' | at }}</th>
          <th [nzWidth]="mode() === 'security' ? '260px' : '140px'">{{ 'org.actions' | at }}</th>
        </tr>
      </thead>
      <tbody>
        @for (user of items(); track user.id) {
          <tr [attr.data-username]="user.username">
            <td>{{ user.displayName }}</td>
            <td class="mono">{{ user.username }}</td>
            <td>{{ orgName(user.orgId) }}</td>
            <td>{{ user.position ?? '—' }}</td>
            <td data-testid="user-roles">
              @for (role of user.roles; track role) {
                <nz-tag [nzColor]="isSeparated(role) ? 'gold' : 'blue'">{{ roleLabel(role) }}</nz-tag>
              } @empty {
                <span class="muted">{{ 'user.noRoles' | at }}</span>
              }
            </td>
            <td data-testid="user-clearance">
              @if (mode() === 'security') {
                <nz-select
                  nzSize="small"
                  [ngModel]="user.clearance"
                  [nzDisabled]="user.id === me() || saving()"
                  [attr.title]="user.id === me() ? ('security.clearanceOwn' | at) : null"
                  [attr.aria-label]="('user.clearance' | at) + ' ' + user.displayName"
                  (ngModelChange)="setClearance(user, $event)"
                >
                  @for (c of clearances; track c) {
                    <nz-option [nzValue]="c" [nzLabel]="clearanceLabel(c)" />
                  }
                </nz-select>
              } @else {
                {{ clearanceLabel(user.clearance) }}
              }
            </td>
            <td>
              @if (user.enabled) {
                <nz-tag nzColor="success">{{ 'user.enabled' | at }}</nz-tag>
              } @else {
                <nz-tag nzColor="default">{{ 'user.disabled' | at }}</nz-tag>
              }
              @if (user.lockedUntil) {
                <nz-tag
                  nzColor="error"
                  data-testid="user-locked"
                  [attr.title]="'user.lockedUntil' | at: { time: lockedTime(user.lockedUntil) }"
                >
                  {{ 'user.locked' | at }}
                </nz-tag>
              }
            </td>
            <td>
              <span class="actions">
                @if (mode() === 'admin') {
                  <button nz-button nzSize="small" type="button" (click)="openEdit(user)">{{ 'admin.edit' | at }}</button>
                  @if (user.enabled) {
                    <button
                      nz-button
                      nzSize="small"
                      nzDanger
                      type="button"
                      nz-popconfirm
                      [nzPopconfirmTitle]="'user.disableConfirm' | at: { name: user.displayName }"
                      (nzOnConfirm)="setEnabled(user, false)"
                    >
                      {{ 'user.disable' | at }}
                    </button>
                  } @else {
                    <button nz-button nzSize="small" type="button" (click)="setEnabled(user, true)">{{ 'user.enable' | at }}</button>
                  }
                } @else {
                  <button nz-button nzSize="small" type="button" data-action="assign-roles" (click)="openRoles(user)">
                    {{ 'security.assign' | at }}
                  </button>
                  <button nz-button nzSize="small" type="button" data-action="edit-groups" (click)="openGroups(user)">
                    {{ 'security.groups' | at }}
                  </button>
                  @if (user.lockedUntil && user.id !== me()) {
                    <button nz-button nzSize="small" type="button" data-action="unlock" (click)="unlock(user)">
                      {{ 'security.unlock' | at }}
                    </button>
                  }
                  <button
                    nz-button
                    nzSize="small"
                    nzDanger
                    type="button"
                    data-action="reset-password"
                    nz-popconfirm
                    [nzPopconfirmTitle]="'security.resetConfirm' | at: { name: user.displayName }"
                    (nzOnConfirm)="resetPassword(user)"
                  >
                    {{ 'security.reset' | at }}
                  </button>
                  <button
                    nz-button
                    nzSize="small"
                    nzDanger
                    type="button"
                    data-action="reset-totp"
                    nz-popconfirm
                    [nzPopconfirmTitle]="'security.totpResetConfirm' | at: { name: user.displayName }"
                    (nzOnConfirm)="resetTotp(user)"
                  >
                    {{ 'security.totpReset' | at }}
                  </button>
                }
              </span>
            </td>
          </tr>
        }
      </tbody>
    </nz-table>

    <nz-modal [nzVisible]="draft() !== null" [nzTitle]="draftTitle()" [nzFooter]="null" (nzOnCancel)="draft.set(null)" [nzWidth]="560">
      <ng-container *nzModalContent>
        @if (draft(); as d) {
          <form nz-form nzLayout="vertical" (ngSubmit)="save()" data-testid="user-form">
            @if (!d.id) {
              <nz-form-item>
                <nz-form-label nzRequired nzFor="user-username">{{ 'user.username' | at }}</nz-form-label>
                <nz-form-control [nzExtra]="'user.usernameHint' | at">
                  <input
                    nz-input
                    id="user-username"
                    name="username"
                    [(ngModel)]="d.username"
                    required
                    pattern="[a-z][a-z0-9_.\\-]{1,31}"
                    autocomplete="off"
                  />
                </nz-form-control>
              </nz-form-item>
            }
            <nz-form-item>
              <nz-form-label nzRequired nzFor="user-name">{{ 'user.displayName' | at }}</nz-form-label>
              <nz-form-control
                ><input nz-input id="user-name" name="displayName" [(ngModel)]="d.displayName" required maxlength="40"
              /></nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzRequired>{{ 'user.org' | at }}</nz-form-label>
              <nz-form-control>
                <nz-select name="orgId" [(ngModel)]="d.orgId" nzShowSearch [attr.aria-label]="'user.org' | at" data-testid="user-org">
                  @for (row of orgRows(); track row.org.id) {
                    <nz-option [nzValue]="row.org.id" [nzLabel]="row.org.name" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzFor="user-position">{{ 'user.position' | at }}</nz-form-label>
              <nz-form-control
                ><input nz-input id="user-position" name="position" [(ngModel)]="d.position" maxlength="40"
              /></nz-form-control>
            </nz-form-item>
            @if (!d.id) {
              <p class="muted" data-testid="password-note">{{ 'user.passwordNote' | at }}</p>
            }
            @if (!d.id) {
              <p class="muted">{{ 'user.rolesNote' | at }}</p>
            }
            @if (error()) {
              <nz-alert nzType="error" [nzMessage]="error()!" nzShowIcon role="alert" data-testid="form-error" />
            }
            <div class="modal-actions">
              <button nz-button type="button" (click)="draft.set(null)">{{ 'admin.cancel' | at }}</button>
              <button nz-button nzType="primary" type="submit" [nzLoading]="saving()" [disabled]="!canSave()">
                {{ 'admin.save' | at }}
              </button>
            </div>
          </form>
        }
      </ng-container>
    </nz-modal>

    <nz-modal [nzVisible]="rolesOf() !== null" [nzTitle]="rolesTitle()" [nzFooter]="null" (nzOnCancel)="rolesOf.set(null)" [nzWidth]="520">
      <ng-container *nzModalContent>
        <form (ngSubmit)="saveRoles()" data-testid="roles-form">
          <p class="muted">{{ 'security.rule' | at }}</p>
          <div class="roles" role="group" [attr.aria-label]="'user.roles' | at">
            @for (role of allRoles; track role) {
              <label
                nz-checkbox
                [name]="'role-' + role"
                [ngModel]="roles().includes(role)"
                (ngModelChange)="toggleRole(role, $event)"
                [attr.data-role]="role"
              >
                {{ roleLabel(role) }}
                @if (isSeparated(role)) {
                  <nz-tag nzColor="gold">{{ 'security.separated' | at }}</nz-tag>
                }
              </label>
            }
          </div>
          @if (conflict().length) {
            <nz-alert
              nzType="error"
              nzShowIcon
              role="alert"
              data-testid="separation-conflict"
              [nzMessage]="separationMessage()"
              [nzDescription]="conflictText()"
              style="margin-top: 12px"
            />
          }
          @if (error()) {
            <nz-alert nzType="error" [nzMessage]="error()!" nzShowIcon role="alert" data-testid="form-error" style="margin-top: 12px" />
          }
          <div class="modal-actions">
            <button nz-button type="button" (click)="rolesOf.set(null)">{{ 'admin.cancel' | at }}</button>
            <button nz-button nzType="primary" type="submit" [nzLoading]="saving()" [disabled]="conflict().length > 0">
              {{ 'admin.save' | at }}
            </button>
          </div>
        </form>
      </ng-container>
    </nz-modal>

    <nz-modal
      [nzVisible]="groupsOf() !== null"
      [nzTitle]="groupsTitle()"
      [nzFooter]="null"
      (nzOnCancel)="groupsOf.set(null)"
      [nzWidth]="520"
    >
      <ng-container *nzModalContent>
        <form nz-form nzLayout="vertical" (ngSubmit)="saveGroups()" data-testid="groups-form">
          <p class="muted">{{ 'security.groupsNote' | at }}</p>
          <nz-form-item>
            <nz-form-label nzFor="user-groups">{{ 'user.groups' | at }}</nz-form-label>
            <nz-form-control [nzExtra]="'user.groupsHint' | at"
              ><input nz-input id="user-groups" name="groups" [(ngModel)]="groupsText" autocomplete="off"
            /></nz-form-control>
          </nz-form-item>
          @if (error()) {
            <nz-alert nzType="error" [nzMessage]="error()!" nzShowIcon role="alert" data-testid="form-error" />
          }
          <div class="modal-actions">
            <button nz-button type="button" (click)="groupsOf.set(null)">{{ 'admin.cancel' | at }}</button>
            <button nz-button nzType="primary" type="submit" [nzLoading]="saving()">{{ 'admin.save' | at }}</button>
          </div>
        </form>
      </ng-container>
    </nz-modal>

    <nz-modal
      [nzVisible]="oneTime() !== null"
      [nzTitle]="oneTime()?.title ?? ''"
      [nzFooter]="null"
      [nzMaskClosable]="false"
      (nzOnCancel)="oneTime.set(null)"
      [nzWidth]="480"
    >
      <ng-container *nzModalContent>
        @if (oneTime(); as once) {
          <div data-testid="one-time-password">
            <p class="one-time mono" aria-live="polite">{{ once.password }}</p>
            <nz-alert nzType="warning" nzShowIcon [nzMessage]="'user.oneTimeHint' | at" />
            <div class="modal-actions">
              <button nz-button nzType="primary" type="button" data-action="one-time-done" (click)="oneTime.set(null)">
                {{ 'user.oneTimeDone' | at }}
              </button>
            </div>
          </div>
        }
      </ng-container>
    </nz-modal>
  `,
})
export class UserListComponent {
  private readonly api = inject(AdminApiService);
  private readonly i18n = inject(I18nService);
  private readonly at = inject(AdminI18n).t;
  private readonly message = inject(NzMessageService);
  private readonly auth = inject(AuthService);

  readonly mode = input<'admin' | 'security'>('admin');
  /** The organizations (the page loads them once for both lists). */
  readonly orgs = input<Org[]>([]);

  protected readonly pageSize = PAGE_SIZE;
  protected readonly allRoles = ROLES;
  protected readonly clearances = CLEARANCES;
  /** The signed-in user's id: no one sets their own clearance. */
  protected readonly me = computed(() => this.auth.user()?.id ?? null);
  protected readonly clearanceLabel = (c: Clearance | undefined) => CLEARANCE_NAMES[c ?? 'none'];
  protected readonly orgRows = computed(() => orgTree(this.orgs()));
  private readonly orgNames = computed(() => new Map(this.orgs().map((o) => [o.id, o.name])));
  protected readonly items = signal<User[]>([]);
  protected readonly total = signal(0);
  protected readonly pageIndex = signal(1);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly draft = signal<UserDraft | null>(null);
  protected readonly rolesOf = signal<User | null>(null);
  protected readonly roles = signal<Role[]>([]);
  protected readonly groupsOf = signal<User | null>(null);
  protected groupsText = '';
  /** Shown once, then dropped: the password is kept in no other field, storage or log. */
  protected readonly oneTime = signal<OneTimePassword | null>(null);
  protected readonly conflict = computed(() => separationConflict(this.roles()));
  protected q = '';
  protected orgId: string | null = null;

  protected readonly draftTitle = computed(() => {
    const d = this.draft();
    return d?.id ? this.at('user.editTitle', { name: d.displayName }) : this.at('user.create');
  });
  protected readonly groupsTitle = computed(() => this.at('security.groupsTitle', { name: this.groupsOf()?.displayName ?? '' }));
  protected readonly rolesTitle = computed(() => this.at('security.assignTitle', { name: this.rolesOf()?.displayName ?? '' }));

  constructor() {
    void this.load();
  }

  protected orgName(id: string): string {
    return this.orgNames().get(id) ?? '—';
  }

  protected roleLabel(role: Role): string {
    return this.i18n.t(`role.${role}`);
  }

  protected isSeparated(role: Role): boolean {
    return SEPARATED_ROLES.includes(role);
  }

  protected separationMessage(): string {
    return this.i18n.isChinese() ? ERROR_MESSAGES_ZH.ROLE_SEPARATION : this.at('security.rule');
  }

  protected conflictText(): string {
    return this.at('security.conflict', {
      roles: this.conflict()
        .map((r) => this.i18n.t(`role.${r}`))
        .join('、'),
    });
  }

  protected search(): void {
    this.pageIndex.set(1);
    void this.load();
  }

  protected onQuery(params: NzTableQueryParams): void {
    if (params.pageIndex === this.pageIndex()) return;
    this.pageIndex.set(params.pageIndex);
    void this.load();
  }

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      const list = await firstValueFrom(
        this.api.users({
          q: this.q.trim() || undefined,
          orgId: this.orgId ?? undefined,
          limit: PAGE_SIZE,
          offset: (this.pageIndex() - 1) * PAGE_SIZE,
        }),
      );
      this.items.set(list.items);
      this.total.set(list.total);
    } catch {
      // the error interceptor has told the user
    } finally {
      this.loading.set(false);
    }
  }

  protected openCreate(): void {
    this.error.set(null);
    this.draft.set({ id: null, username: '', displayName: '', orgId: this.orgId, position: '' });
  }

  protected openEdit(user: User): void {
    this.error.set(null);
    this.draft.set({
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      orgId: user.orgId,
      position: user.position ?? '',
    });
  }

  protected canSave(): boolean {
    const d = this.draft();
    if (!d || !d.displayName.trim() || !d.orgId) return false;
    return d.id ? true : !!d.username.trim();
  }

  protected async save(): Promise<void> {
    const d = this.draft();
    if (!d || !d.orgId || this.saving() || !this.canSave()) return;
    this.saving.set(true);
    this.error.set(null);
    const common = { displayName: d.displayName.trim(), orgId: d.orgId, position: d.position.trim() || null };
    try {
      if (d.id) {
        await firstValueFrom(this.api.updateUser(d.id, common));
        this.message.success(this.at('admin.saved'));
      } else {
        const { initialPassword, ...user } = await firstValueFrom(this.api.createUser({ ...common, username: d.username.trim() }));
        this.message.success(this.at('user.created', { name: user.displayName }));
        this.oneTime.set({ title: this.at('user.initialPasswordTitle', { name: user.displayName }), password: initialPassword });
      }
      this.draft.set(null);
      await this.load();
    } catch (error) {
      this.error.set(apiErrorText(error, this.i18n));
    } finally {
      this.saving.set(false);
    }
  }

  protected async setEnabled(user: User, enabled: boolean): Promise<void> {
    try {
      await firstValueFrom(this.api.setEnabled(user.id, enabled));
      this.message.success(this.at(enabled ? 'user.enabledDone' : 'user.disabledDone', { name: user.displayName }));
      await this.load();
    } catch {
      // the error interceptor has told the user
    }
  }

  protected openGroups(user: User): void {
    this.error.set(null);
    this.groupsText = user.groups.join(', ');
    this.groupsOf.set(user);
  }

  protected async saveGroups(): Promise<void> {
    const user = this.groupsOf();
    if (!user || this.saving()) return;
    const groups = this.groupsText
      .split(/[,，;；\s]+/)
      .map((g) => g.trim())
      .filter(Boolean);
    this.saving.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(this.api.setGroups(user.id, groups));
      this.message.success(this.at('security.groupsSaved', { name: user.displayName }));
      this.groupsOf.set(null);
      await this.load();
    } catch (error) {
      this.error.set(apiErrorText(error, this.i18n));
    } finally {
      this.saving.set(false);
    }
  }

  protected async resetPassword(user: User): Promise<void> {
    try {
      const { temporaryPassword } = await firstValueFrom(this.api.resetPassword(user.id));
      this.oneTime.set({ title: this.at('security.resetTitle', { name: user.displayName }), password: temporaryPassword });
    } catch {
      // the error interceptor has told the user
    }
  }

  protected async unlock(user: User): Promise<void> {
    try {
      await firstValueFrom(this.api.unlock(user.id));
      this.message.success(this.at('security.unlocked', { name: user.displayName }));
      this.items.update((list) => list.map((u) => (u.id === user.id ? { ...u, lockedUntil: null } : u)));
    } catch {
      // the error interceptor has told the user
    }
  }

  /** A lock's end as Beijing wall-clock time, HH:mm. */
  protected lockedTime(iso: string): string {
    return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(
      new Date(iso),
    );
  }

  protected async resetTotp(user: User): Promise<void> {
    try {
      await firstValueFrom(this.api.resetTotp(user.id));
      this.message.success(this.at('security.totpResetDone', { name: user.displayName }));
    } catch {
      // the error interceptor has told the user
    }
  }

  protected openRoles(user: User): void {
    this.error.set(null);
    this.roles.set([...user.roles]);
    this.rolesOf.set(user);
  }

  protected toggleRole(role: Role, on: boolean): void {
    this.error.set(null);
    this.roles.update((roles) => (on ? ROLES.filter((r) => r === role || roles.includes(r)) : roles.filter((r) => r !== role)));
  }

  protected async saveRoles(): Promise<void> {
    const user = this.rolesOf();
    if (!user || this.saving() || this.conflict().length) return;
    this.saving.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(this.api.setRoles(user.id, this.roles()));
      this.message.success(this.at('security.saved', { name: user.displayName }));
      this.rolesOf.set(null);
      await this.load();
    } catch (error) {
      this.error.set(apiErrorText(error, this.i18n));
    } finally {
      this.saving.set(false);
    }
  }

  /** 设定涉密等级 (security mode); a refusal shows as a message and the list is read again. */
  protected async setClearance(user: User, clearance: Clearance): Promise<void> {
    if (this.saving() || clearance === user.clearance) return;
    this.saving.set(true);
    try {
      await firstValueFrom(this.api.setClearance(user.id, clearance));
      this.message.success(this.at('security.clearanceSaved', { name: user.displayName, clearance: CLEARANCE_NAMES[clearance] }));
    } catch (error) {
      this.message.error(apiErrorText(error, this.i18n));
    } finally {
      this.saving.set(false);
      await this.load();
    }
  }
}
