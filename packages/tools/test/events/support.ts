/**
 * The events feed against the testkit's simulated Front on a virtual clock shared by both sides: the
 * simulator lists an event only once its visibility time has come, the feed holds back events younger
 * than its overlap, and sleeping moves the clock instead of waiting, so hours of polling run in
 * milliseconds. Sleeping past `limitMs` dies, so a feed that waits forever fails its test.
 */
import { type SimulatedFront, startSimulatedFront } from "@frontkit/testkit";
import { Clock, Duration, Effect } from "effect";
import { makeFront } from "../../src/front.js";
import { Front, type FrontConfig, type FrontService, type FrontToolError } from "../../src/index.js";

/** A clock time tests set and advance by hand. */
export interface VirtualTime {
  ms: number;
  limitMs: number;
}

export const virtualClock = (time: VirtualTime): Clock.Clock => {
  const nanos = () => BigInt(Math.round(time.ms * 1e6));
  return {
    currentTimeMillisUnsafe: () => time.ms,
    currentTimeMillis: Effect.sync(() => time.ms),
    currentTimeNanosUnsafe: nanos,
    currentTimeNanos: Effect.sync(nanos),
    monotonicTimeNanosUnsafe: nanos,
    monotonicTimeNanos: Effect.sync(nanos),
    sleep: (duration: Duration.Duration) =>
      Effect.suspend(() => {
        time.ms += Duration.toMillis(duration);
        return time.ms > time.limitMs ? Effect.die(new Error(`virtual time ran past its limit (${time.limitMs} ms)`)) : Effect.yieldNow;
      }),
  };
};

/** A simulated Front and a Front service on one virtual clock. */
export interface FeedHarness {
  readonly sim: SimulatedFront;
  readonly time: VirtualTime;
  /**
   * Rewinds the clock to `seconds` with an empty event log and a new Front service: the old service's rate
   * limiter remembers resets in the future of the rewound clock and would sleep until then.
   */
  readonly rewind: (seconds: number) => void;
  readonly run: <A>(effect: Effect.Effect<A, FrontToolError, Front>) => Promise<A>;
  readonly runExit: <A>(effect: Effect.Effect<A, FrontToolError, Front>) => ReturnType<typeof Effect.runPromiseExit<A, FrontToolError>>;
}

export const startFeedHarness = async (startSeconds: number, config: Partial<FrontConfig> = {}, events = 0): Promise<FeedHarness> => {
  const time: VirtualTime = { ms: startSeconds * 1000, limitMs: Number.POSITIVE_INFINITY };
  const sim = await startSimulatedFront({ perMinute: 1_000_000, burstPerSecond: 1_000_000, now: () => time.ms, dataset: { events } });
  const make = (): FrontService => Effect.runSync(makeFront({ token: "tok_feed_0123456789", baseUrl: sim.url, burstPerSecond: 0, ...config }));
  let front = make();
  const clock = virtualClock(time);
  const provide = <A>(effect: Effect.Effect<A, FrontToolError, Front>) =>
    effect.pipe(Effect.provideService(Front, front), Effect.provideService(Clock.Clock, clock));
  return {
    sim,
    time,
    rewind: (seconds) => {
      sim.reset();
      time.ms = seconds * 1000;
      time.limitMs = Number.POSITIVE_INFINITY;
      front = make();
    },
    run: (effect) => Effect.runPromise(provide(effect)),
    runExit: (effect) => Effect.runPromiseExit(provide(effect)),
  };
};
