export interface EventuallyOptions {
  /** How long to keep trying before failing with the last error. */
  timeoutMs: number;
  /** The pause between tries. */
  intervalMs?: number;
}

/**
 * Runs `attempt` until it returns without throwing (an assertion that holds, a
 * value that is there) and resolves with what it returned; after `timeoutMs`
 * rejects with its last error. For what a test waits on: a reload, a log line.
 */
export async function eventually<T>(attempt: () => T | Promise<T>, { timeoutMs, intervalMs = 50 }: EventuallyOptions): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
