import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { ErrorStateComponent, loadFailureOf } from './error-state.component';

describe('ErrorStateComponent', () => {
  it('should tell a server error from a forbidden and a missing item', () => {
    // Given failed loads, then each is the kind the user reads
    expect(loadFailureOf(new HttpErrorResponse({ status: 500 }))).toBe('error');
    expect(loadFailureOf(new HttpErrorResponse({ status: 403 }))).toBe('forbidden');
    expect(loadFailureOf(new HttpErrorResponse({ status: 404 }))).toBe('missing');
    expect(loadFailureOf(new Error('bug'))).toBe('error');
  });

  it('should offer 重试 for a server error and emit it when clicked', () => {
    // Given the error state of a failed list
    const fixture = TestBed.createComponent(ErrorStateComponent);
    let retried = 0;
    fixture.componentInstance.retry.subscribe(() => retried++);
    fixture.detectChanges();
    const root = fixture.nativeElement as HTMLElement;
    expect(root.textContent).toContain('加载失败');
    // When the user clicks 重试, then the page is asked to load again
    (root.querySelector('[data-testid="retry"]') as HTMLButtonElement).click();
    expect(retried).toBe(1);
  });

  it('should say 事项不存在或已办结 with no 重试 for a missing item', () => {
    // Given a missing task
    const fixture = TestBed.createComponent(ErrorStateComponent);
    fixture.componentRef.setInput('failure', 'missing');
    fixture.detectChanges();
    const root = fixture.nativeElement as HTMLElement;
    // Then one clear message, nothing to retry
    expect(root.textContent).toContain('事项不存在或已办结');
    expect(root.querySelector('[data-testid="retry"]')).toBeNull();
  });
});
