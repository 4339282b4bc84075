import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import type { Circulation } from '@liuzhuan/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { AuthService } from '../../core/auth/auth.service';
import { loginResponse, sessionUser } from '../../core/auth/auth.testing';
import { APP_ICONS } from '../../core/icons';
import { UserPickerComponent } from '../../shared/user-picker.component';
import { CirculationPanelComponent, moved, unreadReaders } from './circulation-panel.component';
import { DocumentsApi } from './documents-api.service';

const reader = (username: string, seq: number, status: 'pending' | 'holding' | 'read' | 'skipped') => ({
  username,
  seq,
  status,
  readAt: null,
  note: null,
  skipReason: null,
});

function circulation(overrides: Partial<Circulation> = {}): Circulation {
  return {
    id: 'c1',
    documentId: 'doc-1',
    documentTitle: '关于做好值班工作的通知',
    order: 'sequential',
    status: 'active',
    createdBy: 'clerk',
    createdAt: '2026-11-27T01:00:00Z',
    holders: ['a'],
    readers: [reader('a', 1, 'holding'), reader('b', 2, 'pending'), reader('c', 3, 'pending')],
    ...overrides,
  };
}

describe('circulation order helpers', () => {
  it('should keep the unread readers in order and move one within the list', () => {
    expect(unreadReaders(circulation())).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('CirculationPanelComponent', () => {
  let fixture: ComponentFixture<CirculationPanelComponent>;
  let root: HTMLElement;
  let http: HttpTestingController;
  let emitted: Circulation[];

  async function render(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  }

  async function setUp(username: string, circulations: Circulation[], canStart = true): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS), DocumentsApi],
    });
    http = TestBed.inject(HttpTestingController);
    const login = TestBed.inject(AuthService).login(username, 'x');
    http.expectOne('/api/auth/login').flush(loginResponse(sessionUser({ username })));
    await login;
    fixture = TestBed.createComponent(CirculationPanelComponent);
    root = fixture.nativeElement as HTMLElement;
    emitted = [];
    fixture.componentInstance.changed.subscribe((c) => emitted.push(c));
    fixture.componentRef.setInput('documentId', 'doc-1');
    fixture.componentRef.setInput('circulations', circulations);
    fixture.componentRef.setInput('canStart', canStart);
    await render();
    // (display names are looked up on the side; until they arrive the usernames show)
    http.match((r) => r.url === '/api/users');
  }

  afterEach(() => {
    http.match((r) => r.url === '/api/users');
    http.verify();
  });

  function type(selector: string, value: string): void {
    const input = root.querySelector<HTMLInputElement>(selector);
    if (!input) throw new Error(`no ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  const click = (selector: string) => root.querySelector<HTMLButtonElement>(selector)?.click();
  const errorText = () => root.querySelector('.circ-error')?.textContent?.trim();

  it('should start a circulation with the picked readers in parallel, and ask for readers first', async () => {
    // Given the clerk and a document not circulated yet
    await setUp('clerk', []);
    expect(root.textContent).toContain('未传阅');
    click('#circ-start');
    await render();
    // When it is started with no reader
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await render();
    // Then the readers are asked for and nothing is sent
    expect(errorText()).toBe('请选择传阅人');
    http.expectNone('/api/documents/doc-1/circulate');
    // When two readers are picked, 同时传阅 chosen and it is started
    fixture.debugElement.query(By.directive(UserPickerComponent)).componentInstance.value.set(['leader', 'head']);
    click('nz-radio-group label:nth-child(2)');
    await render();
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await render();
    // Then the circulation is started in that order, and goes to the page
    const request = http.expectOne({ method: 'POST', url: '/api/documents/doc-1/circulate' });
    expect(request.request.body).toEqual({ readers: ['leader', 'head'], order: 'parallel' });
    request.flush(circulation({ order: 'parallel', holders: ['leader', 'head'] }));
    await render();
    expect(emitted).toHaveLength(1);
    expect(root.querySelector('form')).toBeNull();
  });

  it('should let the holder mark it read with a note, and show a refusal in Chinese', async () => {
    // Given reader a holds the circulation
    await setUp('a', [circulation()], false);
    expect(root.querySelector('#circ-start')).toBeNull();
    expect(root.textContent).toContain('在阅');
    // When a writes a note and presses 阅毕
    type('#circ-note-c1', ' 已阅，请办公室落实 ');
    click('.circ-read-button');
    await render();
    // Then the receipt carries the trimmed note
    const request = http.expectOne({ method: 'POST', url: '/api/circulations/c1/read' });
    expect(request.request.body).toEqual({ note: '已阅，请办公室落实' });
    request.flush({ code: 'CIRCULATION_NOT_YOUR_TURN', message: 'not your turn' }, { status: 409, statusText: 'Conflict' });
    await render();
    expect(errorText()).toBe('尚未轮到您阅文');
    // And with no note the receipt is empty
    type('#circ-note-c1', '');
    click('.circ-read-button');
    await render();
    const second = http.expectOne('/api/circulations/c1/read');
    expect(second.request.body).toEqual({});
    second.flush(circulation({ holders: ['b'], readers: [reader('a', 1, 'read'), reader('b', 2, 'holding'), reader('c', 3, 'pending')] }));
    await render();
    expect(emitted).toHaveLength(1);
  });

  it('should not offer 阅毕 to a reader whose turn has not come', async () => {
    await setUp('b', [circulation()], false);
    expect(root.querySelector('.circ-read-button')).toBeNull();
    expect(root.querySelector('.circ-adjust')).toBeNull();
  });

  it('should let the sender reorder and skip with a reason, and ask for the reason first', async () => {
    // Given the clerk who started a sequential circulation
    await setUp('clerk', [circulation()], false);
    click('.circ-adjust');
    await render();
    // When c is moved up and the order saved without a reason
    click('[aria-label="上移 c"]');
    await render();
    click('.circ-save-order');
    await render();
    // Then the reason is asked for and nothing is sent
    expect(errorText()).toBe('请填写理由');
    http.expectNone('/api/circulations/c1/reorder');
    // When a reason is given and the order saved
    type('#circ-reason-c1', '领导出差');
    click('.circ-save-order');
    await render();
    const reorder = http.expectOne({ method: 'POST', url: '/api/circulations/c1/reorder' });
    expect(reorder.request.body).toEqual({ readers: ['a', 'c', 'b'], reason: '领导出差' });
    reorder.flush(circulation({ readers: [reader('a', 1, 'holding'), reader('c', 2, 'pending'), reader('b', 3, 'pending')] }));
    await render();
    // And when b is skipped with the same reason
    click('[aria-label="跳过 b"]');
    await render();
    const skip = http.expectOne({ method: 'POST', url: '/api/circulations/c1/skip' });
    expect(skip.request.body).toEqual({ reader: 'b', reason: '领导出差' });
    skip.flush(
      circulation({
        readers: [reader('a', 1, 'holding'), reader('c', 2, 'pending'), { ...reader('b', 3, 'skipped'), skipReason: '领导出差' }],
      }),
    );
    await render();
    expect(emitted).toHaveLength(2);
  });
});
