import { TestBed } from '@angular/core/testing';
import type { ActivatedRouteSnapshot, RouterStateSnapshot } from '@angular/router';
import { NzModalService } from 'ng-zorro-antd/modal';
import { unsavedChangesGuard } from './unsaved-changes.guard';

describe('unsavedChangesGuard', () => {
  let confirmed: { nzTitle?: unknown; nzOnOk?: () => void; nzOnCancel?: () => void }[];

  beforeEach(() => {
    localStorage.clear();
    confirmed = [];
    TestBed.configureTestingModule({
      providers: [{ provide: NzModalService, useValue: { confirm: (options: (typeof confirmed)[number]) => confirmed.push(options) } }],
    });
  });

  function leave(dirty: boolean) {
    return TestBed.runInInjectionContext(() =>
      unsavedChangesGuard(
        { hasUnsavedChanges: () => dirty },
        {} as ActivatedRouteSnapshot,
        {} as RouterStateSnapshot,
        {} as RouterStateSnapshot,
      ),
    );
  }

  it('should let the user leave without asking when nothing is unsaved', () => {
    expect(leave(false)).toBe(true);
    expect(confirmed).toEqual([]);
  });

  it('should ask in Chinese and stay when the user keeps editing', async () => {
    // Given unsaved changes
    const result = leave(true) as Promise<boolean>;
    // When the user answers 继续编辑
    expect(confirmed[0].nzTitle).toBe('放弃未保存的修改？');
    confirmed[0].nzOnCancel?.();
    // Then the navigation is cancelled
    expect(await result).toBe(false);
  });

  it('should leave when the user discards the changes', async () => {
    const result = leave(true) as Promise<boolean>;
    confirmed[0].nzOnOk?.();
    expect(await result).toBe(true);
  });
});
