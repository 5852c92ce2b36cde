/** closed: calls go through; open: calls fail fast; half-open: one trial call decides. */
export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerSettings {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long it stays open before one trial call is let through. */
  resetAfterMs: number;
}

/**
 * A circuit breaker for one subgraph: while it is open the gateway answers at
 * once instead of waiting a timeout on a subgraph that is down.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;
  private current: BreakerState = 'closed';

  constructor(
    private readonly settings: BreakerSettings,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): BreakerState {
    if (this.current === 'open' && this.now() - this.openedAt >= this.settings.resetAfterMs) this.current = 'half-open';
    return this.current;
  }

  /** May a call go out now? In half-open state only one at a time may. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  onSuccess(): void {
    this.failures = 0;
    this.trialInFlight = false;
    this.current = 'closed';
  }

  onFailure(): void {
    this.trialInFlight = false;
    this.failures++;
    if (this.current === 'half-open' || this.failures >= this.settings.failureThreshold) {
      this.current = 'open';
      this.openedAt = this.now();
    }
  }
}
