import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { SessionUser } from '@liuzhuan/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { sessionUser } from '../../core/auth/auth.testing';
import { DRAFT_MAX_AGE_MS, DraftStore, taskDraftScope } from './draft-store.service';

describe('DraftStore', () => {
  const user = signal<SessionUser | null>(sessionUser({ username: 'clerk' }));
  let drafts: DraftStore;

  beforeEach(() => {
    localStorage.clear();
    user.set(sessionUser({ username: 'clerk' }));
    TestBed.configureTestingModule({ providers: [{ provide: AuthService, useValue: { user } }] });
    drafts = TestBed.inject(DraftStore);
  });

  it('should give back the text kept for a task when read again', () => {
    // Given an opinion typed on a task
    drafts.write(taskDraftScope('t1', 'opinion'), '拟同意');
    // When it is read (after a reload), then it is the same text
    expect(drafts.read(taskDraftScope('t1', 'opinion'))).toBe('拟同意');
    expect(drafts.hasAny('task:t1:')).toBe(true);
  });

  it("should not show one user's draft to another user on the same computer", () => {
    // Given the clerk's draft
    drafts.write(taskDraftScope('t1', 'opinion'), '拟同意');
    // When the head signs in on the same PC
    user.set(sessionUser({ username: 'head' }));
    // Then there is nothing for them
    expect(drafts.read(taskDraftScope('t1', 'opinion'))).toBeNull();
    expect(drafts.hasAny('task:t1:')).toBe(false);
  });

  it('should clear every draft of a task once it was submitted, and only that task', () => {
    // Given drafts on two tasks
    drafts.write(taskDraftScope('t1', 'opinion'), '同意');
    drafts.write(taskDraftScope('t1', 'form.note'), '附件已核');
    drafts.write(taskDraftScope('t2', 'opinion'), '请补充材料');
    // When t1 is submitted
    drafts.clearTask('t1');
    // Then t1 keeps nothing, t2 keeps its own
    expect(drafts.read(taskDraftScope('t1', 'opinion'))).toBeNull();
    expect(drafts.read(taskDraftScope('t1', 'form.note'))).toBeNull();
    expect(drafts.read(taskDraftScope('t2', 'opinion'))).toBe('请补充材料');
  });

  it('should drop a draft that is emptied, too old or damaged', () => {
    // Given an emptied, an old and a damaged draft
    drafts.write('a', '文字');
    drafts.write('a', '   ');
    drafts.write('b', '旧的', 0);
    localStorage.setItem('liuzhuan.draft.clerk.c', '{not json');
    // Then none is given back
    expect(drafts.read('a')).toBeNull();
    expect(drafts.read('b', DRAFT_MAX_AGE_MS + 1)).toBeNull();
    expect(drafts.read('c')).toBeNull();
    expect(localStorage.getItem('liuzhuan.draft.clerk.c')).toBeNull();
  });

  it('should keep nothing when nobody is signed in', () => {
    // Given no user
    user.set(null);
    // When text is written, then nothing is stored
    drafts.write('a', '文字');
    expect(localStorage.length).toBe(0);
  });
});
