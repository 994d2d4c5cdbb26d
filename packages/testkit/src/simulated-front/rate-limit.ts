/** Outcome of admitting one request. */
export type Admission =
  | { readonly allowed: true; readonly limit: number; readonly remaining: number; readonly resetSeconds: number }
  | {
      readonly allowed: false;
      readonly limit: number;
      readonly remaining: number;
      readonly resetSeconds: number;
      readonly retryAfterSeconds: number;
      /** Set when the per-second burst limit, not the per-minute one, refused the request. */
      readonly tier: string | undefined;
    };

const MINUTE_MS = 60_000;
const SECOND_MS = 1_000;

const prune = (window: number[], now: number, span: number): void => {
  while (window.length > 0 && window[0]! <= now - span) window.shift();
};

/**
 * Front's limits: a sliding minute per company and a per-second burst per resource.
 * Refused requests are not counted, as Front does not charge them against the budget.
 */
export class SlidingWindowLimiter {
  private readonly minute: number[] = [];
  private readonly bursts = new Map<string, number[]>();

  constructor(
    readonly perMinute: number,
    readonly burstPerSecond: number,
    readonly burstTier = "tier-1",
  ) {}

  admit(now: number, resource: string): Admission {
    prune(this.minute, now, MINUTE_MS);
    const burst = this.bursts.get(resource) ?? [];
    prune(burst, now, SECOND_MS);
    const resetSeconds = Math.ceil(((this.minute[0] ?? now) + MINUTE_MS) / 1000);
    if (this.minute.length >= this.perMinute) {
      return {
        allowed: false,
        limit: this.perMinute,
        remaining: 0,
        resetSeconds,
        retryAfterSeconds: Math.max(1, Math.ceil((this.minute[0]! + MINUTE_MS - now) / 1000)),
        tier: undefined,
      };
    }
    if (burst.length >= this.burstPerSecond) {
      return {
        allowed: false,
        limit: this.perMinute,
        remaining: this.perMinute - this.minute.length,
        resetSeconds,
        retryAfterSeconds: Math.max(1, Math.ceil((burst[0]! + SECOND_MS - now) / 1000)),
        tier: this.burstTier,
      };
    }
    this.minute.push(now);
    burst.push(now);
    this.bursts.set(resource, burst);
    return {
      allowed: true,
      limit: this.perMinute,
      remaining: this.perMinute - this.minute.length,
      resetSeconds: Math.ceil((this.minute[0]! + MINUTE_MS) / 1000),
    };
  }

  /** The current budget without counting a request (for answers that bypass admission). */
  peek(now: number): { limit: number; remaining: number; resetSeconds: number } {
    prune(this.minute, now, MINUTE_MS);
    return {
      limit: this.perMinute,
      remaining: Math.max(0, this.perMinute - this.minute.length),
      resetSeconds: Math.ceil(((this.minute[0] ?? now) + MINUTE_MS) / 1000),
    };
  }

  /** Forgets all counted requests. */
  clear(): void {
    this.minute.length = 0;
    this.bursts.clear();
  }
}
