/**
 * Polls until `check` returns a value that is not false/undefined (or stops throwing), then
 * returns it: the one way the medium and e2e suites wait for asynchronous work (jobs, timers).
 */
export async function eventually<T>(
  check: () => Promise<T | false | undefined> | T | false | undefined,
  timeoutMs = 10_000,
  intervalMs = 25,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== false && value !== undefined) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > until) throw lastError instanceof Error ? lastError : new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
