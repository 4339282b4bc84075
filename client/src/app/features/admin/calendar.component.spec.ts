import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { CalendarChange, CalendarYear } from '@liuzhuan/contracts';
import { WorkCalendarComponent } from './calendar.component';

describe('WorkCalendarComponent', () => {
  let fixture: ComponentFixture<WorkCalendarComponent>;
  let http: HttpTestingController;
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  const day = (md: string) => `${year}-${md}`;
  const YEAR: CalendarYear = {
    year,
    loaded: true,
    calendarVersion: 3,
    days: [
      { day: day('10-01'), kind: 'holiday', name: '国庆节', source: 'statutory' },
      { day: day('10-11'), kind: 'workday', name: '国庆调休', source: 'statutory' },
      { day: day('12-30'), kind: 'holiday', name: '县里放假', source: 'local' },
    ],
  };

  const SEED: CalendarChange = {
    version: 1,
    at: '2026-01-01T00:00:00.000Z',
    actor: null,
    action: 'seed',
    year: null,
    day: null,
    details: {},
  };

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r));
    fixture.detectChanges();
    await fixture.whenStable();
  }

  async function answer(body: CalendarYear, changes: CalendarChange[] = [SEED]): Promise<void> {
    await settle();
    const request = http.expectOne((r) => r.url === '/api/calendar');
    expect(request.request.params.get('year')).toBe(String(year));
    request.flush(body);
    await answerLog(changes);
  }

  async function answerLog(changes: CalendarChange[]): Promise<void> {
    await settle();
    http.expectOne((r) => r.url === '/api/calendar/changes').flush({ items: changes });
    await settle();
  }

  async function render(): Promise<HTMLElement> {
    fixture = TestBed.createComponent(WorkCalendarComponent);
    fixture.detectChanges();
    await answer(YEAR);
    return fixture.nativeElement as HTMLElement;
  }

  const cell = (root: HTMLElement, d: string) => root.querySelector(`button[data-day="${d}"]`) as HTMLButtonElement;

  it('should mark holidays, make-up workdays, weekends and local days in the month grid, with the version', async () => {
    const root = await render();
    expect(root.querySelectorAll('section.month').length).toBe(12);
    expect(cell(root, day('10-01')).dataset['kind']).toBe('holiday');
    expect(cell(root, day('10-11')).dataset['kind']).toBe('workday');
    expect(cell(root, day('12-30')).dataset['local']).toBe('true');
    expect(cell(root, day('10-01')).dataset['local']).toBeUndefined();
    const weekend = Array.from(root.querySelectorAll<HTMLButtonElement>('button[data-day]')).find(
      (b) =>
        [0, 6].includes(new Date(b.dataset['day'] + 'T00:00:00Z').getUTCDay()) &&
        !b.dataset['day']!.startsWith(`${year}-10`) &&
        b.dataset['day'] !== day('12-30'),
    );
    expect(weekend?.dataset['kind']).toBe('weekend');
    expect(root.querySelector('[data-testid="calendar-version"]')?.textContent).toContain('3');
  });

  it('should set a local rest day only with a reason and show it after the reload', async () => {
    // Given the admin picks a day
    const root = await render();
    cell(root, day('11-20')).click();
    await settle();
    const form = root.querySelector('[data-testid="override-form"]') as HTMLFormElement;
    const submit = form.querySelector('button[type="submit"]') as HTMLButtonElement;
    // Then setting it needs a reason first
    expect(submit.disabled).toBe(true);
    const reason = form.querySelector('#override-reason') as HTMLInputElement;
    reason.value = '防汛值守补休';
    reason.dispatchEvent(new Event('input'));
    await settle();
    expect(submit.disabled).toBe(false);
    // When it is set
    form.dispatchEvent(new Event('submit'));
    const request = http.expectOne(`/api/calendar/days/${day('11-20')}`);
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ kind: 'holiday', name: '防汛值守补休' });
    const entry = { day: day('11-20'), kind: 'holiday' as const, name: '防汛值守补休', source: 'local' as const };
    request.flush({ day: day('11-20'), workingDay: false, entry, calendarVersion: 4 });
    const change: CalendarChange = {
      version: 4,
      at: '2026-11-27T02:05:00.000Z',
      actor: 'sysadmin',
      action: 'set-day',
      year: null,
      day: day('11-20'),
      details: { before: null, after: entry },
    };
    await answer({ ...YEAR, calendarVersion: 4, days: [...YEAR.days, entry] }, [change, SEED]);
    // Then the day is a local holiday in the grid, the version moved on and the change is logged
    expect(cell(root, day('11-20')).dataset['kind']).toBe('holiday');
    expect(cell(root, day('11-20')).dataset['local']).toBe('true');
    expect(root.querySelector('[data-testid="calendar-version"]')?.textContent).toContain('4');
    // (the server's log: version, Beijing time, who, what)
    expect(root.querySelector('[data-testid="calendar-log"]')?.textContent).toContain(
      `v4 · 2026-11-27 10:05 · sysadmin · 设置 ${day('11-20')} 为休息（放假）：防汛值守补休`,
    );
    expect(root.querySelector('[data-testid="calendar-log"]')?.textContent).toContain('v1');
    // And the local change can be removed
    expect(root.querySelector('[data-action="remove-override"]')).not.toBeNull();
  });

  it('should move the selection by arrow keys', async () => {
    const root = await render();
    cell(root, day('03-10')).click();
    await settle();
    cell(root, day('03-10')).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await settle();
    expect(root.querySelector('[data-testid="day-title"]')?.textContent).toBe(day('03-17'));
    expect(cell(root, day('03-17')).tabIndex).toBe(0);
    expect(cell(root, day('03-10')).tabIndex).toBe(-1);
  });

  it('should import a year from the typed notice, and show why the bundled data cannot be used', async () => {
    // Given the import dialog of the year
    const root = await render();
    (root.querySelector('[data-action="import-year"]') as HTMLButtonElement).click();
    await settle();
    const buttons = () => Array.from(document.querySelectorAll<HTMLButtonElement>('.ant-modal button'));
    const bundled = buttons().find((b) => b.textContent?.includes('使用内置数据导入')) as HTMLButtonElement;
    // When the bundled data is asked for and the server does not know the year
    bundled.click();
    const first = http.expectOne(`/api/calendar/years/${year}/import`);
    expect(first.request.body).toEqual({});
    first.flush({ code: 'CALENDAR_YEAR_UNKNOWN', message: 'unknown' }, { status: 422, statusText: 'Unprocessable' });
    await settle();
    // Then the dialog says to type the notice in
    expect(document.querySelector('.ant-modal [role="alert"]')?.textContent).toContain('逐日录入');
    // When the days are typed in
    const text = document.querySelector('#import-days') as HTMLTextAreaElement;
    text.value = `${year}-01-01 休 元旦\n${year}/1/4 班 元旦调休`;
    text.dispatchEvent(new Event('input'));
    await settle();
    expect(document.querySelector('[data-testid="import-parsed"]')?.textContent).toContain('识别 1 天放假、1 天调休上班');
    const typed = buttons().find((b) => b.textContent?.includes('按通知录入导入')) as HTMLButtonElement;
    expect(typed.disabled).toBe(false);
    typed.click();
    // Then they are sent as the year's days
    const second = http.expectOne(`/api/calendar/years/${year}/import`);
    expect(second.request.body).toEqual({
      days: [
        { day: `${year}-01-01`, kind: 'holiday', name: '元旦' },
        { day: `${year}-01-04`, kind: 'workday', name: '元旦调休' },
      ],
    });
    second.flush({ ...YEAR, calendarVersion: 5 });
    await answerLog([
      { version: 5, at: '2026-11-27T02:06:00.000Z', actor: 'sysadmin', action: 'import', year, day: null, details: {} },
      SEED,
    ]);
    expect(root.querySelector('[data-testid="calendar-log"]')?.textContent).toContain(`导入 ${year} 年节假日`);
    expect(root.querySelector('[data-testid="calendar-version"]')?.textContent).toContain('5');
  });
});
