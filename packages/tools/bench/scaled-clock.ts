/**
 * A Clock on which time runs `scale` times faster than the wall clock, for
 * benchmarks that would otherwise take minutes: the simulated Front gets the
 * same scaled `now`, so both sides agree on windows, resets and retry-afters.
 */
import { Clock, Duration, Effect } from "effect";

/** The scaled `now` in unix ms, shared by the client's Clock and the simulated Front. */
export const scaledNow = (scale: number, origin = Date.now()) => (): number => origin + (Date.now() - origin) * scale;

/** An Effect Clock reading `now` and sleeping `1/scale` of each duration in real time. */
export const scaledClock = (scale: number, now: () => number): Clock.Clock => {
  const sleepReal = (ms: number): Effect.Effect<void> =>
    ms <= 0
      ? Effect.yieldNow
      : Effect.callback<void>((resume) => {
          const handle = setTimeout(() => resume(Effect.void), ms);
          return Effect.sync(() => clearTimeout(handle));
        });
  return {
    currentTimeMillisUnsafe: now,
    currentTimeMillis: Effect.sync(now),
    currentTimeNanosUnsafe: () => BigInt(Math.round(now() * 1e6)),
    currentTimeNanos: Effect.sync(() => BigInt(Math.round(now() * 1e6))),
    monotonicTimeNanosUnsafe: () => BigInt(Math.round(now() * 1e6)),
    monotonicTimeNanos: Effect.sync(() => BigInt(Math.round(now() * 1e6))),
    sleep: (duration: Duration.Duration) => sleepReal(Duration.toMillis(duration) / scale),
  };
};
