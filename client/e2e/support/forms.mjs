// Filling the forms of the client: ng-zorro's selects, and the form-js task forms of a task page.

/** Picks an option of an nz-select by typing part of its label. */
export async function chooseOption(page, select, text) {
  await select.click();
  await page.keyboard.type(text);
  const option = page.locator('nz-option-item').filter({ hasText: text }).first();
  await option.waitFor();
  await option.click();
}

/** The form-js field labelled `label` in the task form. */
export function formField(page, label) {
  return page.locator('[data-testid="task-form"] .fjs-form-field', { has: page.locator('label', { hasText: label }) }).first();
}

/** Picks an option of a form-js select or taglist by typing part of it. */
export async function pickInField(page, label, option) {
  const input = formField(page, label).locator('input').first();
  await input.click();
  await input.fill(option.slice(-6));
  await formField(page, label).locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
}

/** 签收 a group task when it is not yet the user's; then the task form becomes editable. */
export async function claimIfOffered(page) {
  const panel = page.locator('app-approval-panel');
  await panel.waitFor();
  const claim = panel.getByRole('button', { name: '签收', exact: true });
  // the panel draws its actions once the server's list has come: wait for 签收 or 提交办理 before deciding
  await claim.or(page.locator('[data-action="complete"]')).first().waitFor();
  if (await claim.count()) {
    await claim.click();
    await claim.waitFor({ state: 'detached' });
  }
}

/** Waits until the task form can be typed in (not the read-only view). */
export async function editableTaskForm(page) {
  await page.locator('[data-testid="task-form"] .task-form-host:not(.task-form-readonly) .fjs-form').waitFor();
}
