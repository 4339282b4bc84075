import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { Task } from '@liuzhuan/contracts';
import { ApprovalPanelComponent } from './approval-panel.component';

const TASK: Task = {
  id: 't1',
  instanceId: 'i1',
  definitionKey: 'outgoing',
  elementId: 'Review',
  name: '审核',
  assignee: 'head',
  candidateUsers: [],
  candidateGroups: [],
  status: 'open',
  formKey: null,
  dueAt: null,
  createdAt: '2026-11-26T08:00:00Z',
  openedAt: null,
  completedAt: null,
  completedBy: null,
};

describe('ApprovalPanelComponent', () => {
  let fixture: ComponentFixture<ApprovalPanelComponent>;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  async function render(actions: string[] | null, nextSteps: unknown[] = []): Promise<HTMLElement> {
    fixture = TestBed.createComponent(ApprovalPanelComponent);
    fixture.componentRef.setInput('task', TASK);
    fixture.componentRef.setInput('actions', actions);
    fixture.componentRef.setInput('username', 'head');
    fixture.detectChanges();
    // 选择下一步办理人 asks which group-held steps come next (answered before whenStable, which waits for it)
    await new Promise((r) => setTimeout(r));
    http.match('/api/tasks/t1/next-steps').forEach((r) => r.flush({ items: nextSteps }));
    await fixture.whenStable();
    http
      .match('/api/phrases')
      .forEach((r) => r.flush({ items: [{ id: 'p1', text: '请抓紧办理', scope: 'personal', owner: 'head', createdAt: '' }] }));
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    await new Promise((r) => setTimeout(r));
    fixture.detectChanges();
    await fixture.whenStable();
  }

  const actionButtons = (root: HTMLElement) => Array.from(root.querySelectorAll('.operations button')).map((b) => b.textContent?.trim());

  it('should offer exactly the operations the server returns when it names them', async () => {
    // Given the server allows complete, return and transfer
    const root = await render(['complete', 'return', 'transfer']);
    // Then the opinion box and exactly those operations are offered
    expect(root.querySelector('textarea#opinion')).not.toBeNull();
    expect(actionButtons(root)).toEqual(['退回', '转办']);
    expect(root.textContent).not.toContain('驳回');
  });

  it('should send the opinion built from common phrases when the user completes the task', async () => {
    // Given the panel with personal and organization phrases
    const root = await render(['complete']);
    const phrases = Array.from(root.querySelectorAll<HTMLButtonElement>('.phrase'));
    expect(phrases.map((p) => p.textContent?.trim())).toContain('请抓紧办理');
    // When the user picks 同意 and then 请抓紧办理, and submits
    phrases.find((p) => p.textContent?.trim() === '同意')?.click();
    phrases.find((p) => p.textContent?.trim() === '请抓紧办理')?.click();
    await settle();
    (root.querySelector('[data-action="complete"]') as HTMLButtonElement).click();
    // Then the opinion goes with the completion
    const request = http.expectOne('/api/tasks/t1/complete');
    expect(request.request.body).toEqual({ opinion: '同意，请抓紧办理' });
    request.flush({ ...TASK, status: 'completed' });
  });

  it('should say where the document went when the completion opened further steps', async () => {
    // Given the panel of a task the user may complete
    const root = await render(['complete']);
    const done = fixture.componentRef.instance.changed;
    let changed: string | undefined;
    done.subscribe((a) => (changed = a));
    // When the completion opens two steps (one of them twice, for two signers)
    (root.querySelector('[data-action="complete"]') as HTMLButtonElement).click();
    const step = (id: string, elementId: string, name: string | null) => ({
      id,
      elementId,
      name,
      assignee: null,
      candidateGroups: [],
      dueAt: null,
    });
    http
      .expectOne('/api/tasks/t1/complete')
      .flush({ ...TASK, status: 'completed', next: [step('n1', 'Sign', '会签'), step('n2', 'Sign', '会签'), step('n3', 'File', null)] });
    await settle();
    // Then the message names the steps once each, the unnamed one by its id
    expect(changed).toBe('complete');
    expect(document.body.textContent).toContain('已送：会签、File');
  });

  it('should complete as circled (agreement) when the leader chooses 圈阅 without writing', async () => {
    // Given the panel of a task the leader may complete
    const root = await render(['complete']);
    // When they choose 圈阅
    (root.querySelector('[data-action="circle"]') as HTMLButtonElement).click();
    // Then the task completes with a circled opinion that counts as agreement
    const request = http.expectOne('/api/tasks/t1/complete');
    expect(request.request.body).toEqual({ opinion: { text: '圈阅', kind: 'circled', approve: true } });
    request.flush({ ...TASK, status: 'completed' });
  });

  it('should ask for a reason before returning and send the chosen step with it', async () => {
    // Given the server allows a return
    const root = await render(['complete', 'return']);
    // When the user opens 退回
    (root.querySelector('[data-action="return"]') as HTMLButtonElement).click();
    await settle();
    http
      .expectOne('/api/tasks/t1/return-targets')
      .flush({ items: [{ elementId: 'Draft', name: '起草', completedBy: 'clerk', default: true, initiator: true }] });
    await settle();
    // Then confirming is not possible without a reason
    const confirm = root.querySelector('.operation-form button[type="submit"]') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    expect(root.textContent).toContain('请填写原因');
    // When a reason is written and confirmed
    const reason = root.querySelector('textarea#reason') as HTMLTextAreaElement;
    reason.value = '数据有误，请核实';
    reason.dispatchEvent(new Event('input'));
    await settle();
    expect(confirm.disabled).toBe(false);
    confirm.click();
    // Then the return goes to the preselected step with the reason
    const request = http.expectOne('/api/tasks/t1/return');
    expect(request.request.body).toEqual({ targetElementId: 'Draft', reason: '数据有误，请核实' });
    request.flush({ ...TASK, status: 'cancelled' });
  });

  it('should show the Chinese message of the error code when the server refuses', async () => {
    // Given the panel, when completing fails because someone else completed the task
    const root = await render(['complete']);
    (root.querySelector('[data-action="complete"]') as HTMLButtonElement).click();
    http
      .expectOne('/api/tasks/t1/complete')
      .flush({ code: 'TASK_NOT_OPEN', message: 'Task t1 is completed' }, { status: 409, statusText: 'Conflict' });
    await settle();
    // Then the error is shown in Chinese
    const alert = root.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain('该事项已办理或已取消');
  });

  it('should offer 签收 on a group task only when the server names it', async () => {
    // Given an unclaimed group task the server offers the user to claim
    const group = { ...TASK, assignee: null, candidateGroups: ['office-leaders'] };
    fixture = TestBed.createComponent(ApprovalPanelComponent);
    fixture.componentRef.setInput('task', group);
    fixture.componentRef.setInput('actions', ['claim']);
    fixture.componentRef.setInput('username', 'head');
    fixture.detectChanges();
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    // Then only 签收 is offered, without an opinion box
    expect(root.textContent).toContain('签收');
    expect(root.querySelector('textarea#opinion')).toBeNull();
    // When the same task is seen by its initiator, to whom the server offers 催办 only
    fixture.componentRef.setInput('actions', ['urge']);
    fixture.componentRef.setInput('username', 'clerk');
    fixture.detectChanges();
    await fixture.whenStable();
    // Then there is no 签收, only 催办
    expect(root.textContent).not.toContain('签收');
    expect(actionButtons(root)).toEqual(['催办']);
  });

  it('should offer nothing but 办理 to the assignee before the server names the operations', async () => {
    // Given the assignee's task and no list yet
    const root = await render(null);
    // Then 办理 is there and no other operation, nor 签收
    expect(root.querySelector('[data-action="complete"]')).not.toBeNull();
    expect(actionButtons(root)).toEqual([]);
    expect(root.textContent).not.toContain('签收');
  });

  it("should send the delegate's opinion with 委派办结 when the task came by delegation", async () => {
    // Given a delegated task: the server offers resolve, not complete
    const root = await render(['resolve']);
    expect(root.querySelector('[data-action="complete"]')).toBeNull();
    // When the delegate writes an opinion and resolves
    const opinion = root.querySelector('textarea#opinion') as HTMLTextAreaElement;
    opinion.value = '已核实，情况属实';
    opinion.dispatchEvent(new Event('input'));
    await settle();
    (root.querySelector('[data-action="resolve"]') as HTMLButtonElement).click();
    await settle();
    (root.querySelector('.operation-form button[type="submit"]') as HTMLButtonElement).click();
    // Then the opinion goes back to the owner with it
    const request = http.expectOne('/api/tasks/t1/resolve');
    expect(request.request.body).toEqual({ opinion: { text: '已核实，情况属实' } });
    request.flush(TASK);
  });
  it("should send the task form's values as variables with 办理 and stop while the form is not valid", async () => {
    // Given a task whose form is not valid yet
    let result = { valid: false, data: { instruction: '' } as Record<string, unknown> };
    fixture = TestBed.createComponent(ApprovalPanelComponent);
    fixture.componentRef.setInput('task', { ...TASK, formKey: 'incoming-instruct' });
    fixture.componentRef.setInput('actions', ['complete']);
    fixture.componentRef.setInput('username', 'head');
    fixture.componentRef.setInput('formValues', () => result);
    fixture.detectChanges();
    await new Promise((r) => setTimeout(r));
    http.match('/api/tasks/t1/next-steps').forEach((r) => r.flush({ items: [] }));
    await fixture.whenStable();
    http.match('/api/phrases').forEach((r) => r.flush({ items: [] }));
    await settle();
    const root = fixture.nativeElement as HTMLElement;
    // When the user submits
    (root.querySelector('[data-action="complete"]') as HTMLButtonElement).click();
    await settle();
    // Then nothing is sent and the panel says why
    http.expectNone('/api/tasks/t1/complete');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('请按表单中的提示填写后再提交');
    // When the form is filled in and they choose 圈阅
    result = { valid: true, data: { instruction: '请市住建局牵头办理', leadDept: 'o-zjj', assistDepts: ['o-czj'] } };
    (root.querySelector('[data-action="circle"]') as HTMLButtonElement).click();
    // Then the form's values go as the variables, with the circled opinion
    const request = http.expectOne('/api/tasks/t1/complete');
    expect(request.request.body).toEqual({
      opinion: { text: '圈阅', kind: 'circled', approve: true },
      variables: { instruction: '请市住建局牵头办理', leadDept: 'o-zjj', assistDepts: ['o-czj'] },
    });
    request.flush({ ...TASK, status: 'completed' });
  });

  it('should send the person chosen for a group-held next step with 办理', async () => {
    // Given the next step 签发 is held by the city leaders, of whom the mayor may be chosen
    const step = {
      elementId: 'signOff',
      name: '签发',
      variable: null,
      multiple: false,
      sources: ['group:city-leaders'],
      people: [{ username: 'mayor', displayName: '吴国强', pinyin: 'wuguoqiang', initials: 'wgq', position: '市长', orgId: 'o-gov' }],
      orgs: [
        {
          id: 'o-gov',
          parentId: null,
          code: 'ankang',
          name: '安康市人民政府',
          shortName: '安政',
          kind: 'government',
          sortOrder: 0,
          keys: '',
        },
      ],
    };
    const root = await render(['complete'], [step]);
    expect(root.textContent).toContain('下一步“签发”办理人');
    // When the mayor is chosen and the task completed
    const picker = fixture.debugElement.query((d) => d.name === 'app-next-handler-picker');
    (picker.componentInstance as { value: { set(v: Record<string, string[]>): void } }).value.set({ signOff: ['mayor'] });
    await settle();
    expect((fixture.componentInstance as unknown as { nextAssignees(): unknown }).nextAssignees()).toEqual({ signOff: ['mayor'] });
    (root.querySelector('[data-action="complete"]') as HTMLButtonElement).click();
    expect(root.querySelector('[role="alert"]')?.textContent ?? '').toBe('');
    // Then the choice goes with the completion
    const request = http.expectOne('/api/tasks/t1/complete');
    expect(request.request.body).toEqual({ nextAssignees: { signOff: ['mayor'] } });
    request.flush({ ...TASK, status: 'completed' });
  });
});
