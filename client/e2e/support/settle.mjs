// Waiting for the page to settle where a test cannot name the element that ends the wait.

/**
 * Resolves once the page has had no API response (the notification stream aside) for `ms`: the
 * shell's menu counts and lists have all arrived, so a later change is not raced by one of them.
 */
export async function apiQuietFor(page, ms) {
  let last = Date.now();
  const seen = (response) => {
    if (response.url().includes('/api/') && !response.url().includes('/notifications/stream')) last = Date.now();
  };
  page.on('response', seen);
  try {
    while (Date.now() - last < ms) await new Promise((r) => setTimeout(r, 100));
  } finally {
    page.off('response', seen);
  }
}

/**
 * Waits until the ng-zorro drawer holding the element `[data-testid=testId]` has slid in: its right
 * edge is the window's and it runs no animation. On a phone the shell's menu drawer is in the page
 * too, so the drawer is found from its content, not as the first `.ant-drawer`.
 */
export async function drawerShown(page, testId) {
  await page.getByTestId(testId).waitFor();
  await page.waitForFunction((id) => {
    const drawer = document.querySelector(`[data-testid="${id}"]`)?.closest('.ant-drawer-content-wrapper') ?? null;
    return drawer !== null && Math.abs(drawer.getBoundingClientRect().right - window.innerWidth) < 1 && !drawer.getAnimations().length;
  }, testId);
}
