/** The limiter's pure pieces: the resource rule, the option checks and defaults, the gate bounds. */
import { assert, describe, it } from "vitest";
import { emptyAccount, gateMs, observe, resourceState, trip } from "../src/limiter-decision.js";
import { LIMITER_DEFAULTS, limiterSettingIssues, resolveLimiterConfig } from "../src/limiter-options.js";
import { OTHER_RESOURCE, resourceOf } from "../src/limiter-resource.js";

describe("resourceOf: the burst resource type of a request", () => {
  it("is the first literal segment of the path template", () => {
    assert.strictEqual(resourceOf("POST /conversations/{conversation_id}/tags"), "conversations");
    assert.strictEqual(resourceOf("GET /conversations"), "conversations");
    assert.strictEqual(resourceOf("GET /inboxes/{inbox_id}/conversations"), "inboxes");
    assert.strictEqual(resourceOf("POST /channels/{channel_id}/messages"), "channels");
    assert.strictEqual(resourceOf("GET /Tags?limit=100"), "tags");
  });
  it("is `other` for a name without a path, or a template starting with a parameter", () => {
    assert.strictEqual(resourceOf("list-tags"), OTHER_RESOURCE);
    assert.strictEqual(resourceOf(undefined), OTHER_RESOURCE);
    assert.strictEqual(resourceOf("GET /{id}"), OTHER_RESOURCE);
    assert.strictEqual(resourceOf("GET /"), OTHER_RESOURCE);
  });
});

describe("limiter settings", () => {
  it("defaults: 50 in flight, 5/s burst per resource learned from 429s, 60 s retry-after cap", () => {
    const cfg = resolveLimiterConfig({});
    assert.strictEqual(cfg.maxConcurrency, LIMITER_DEFAULTS.maxConcurrency);
    assert.strictEqual(cfg.burstLimit, 5);
    assert.strictEqual(cfg.burstWindowMs, 1_000);
    assert.strictEqual(cfg.burstPacing, "learn");
    assert.strictEqual(cfg.maxRetryAfterMs, 60_000);
    assert.isAtLeast(cfg.maxWaitMs, 60_000);
  });
  it("fractional and extreme burst rates keep whole requests; 0 or above 1000/s turns pacing off", () => {
    const half = resolveLimiterConfig({ burstPerSecond: 0.5 });
    assert.strictEqual(half.burstLimit, 1);
    assert.strictEqual(half.burstWindowMs, 2_000);
    const twoAndHalf = resolveLimiterConfig({ burstPerSecond: 2.5 });
    assert.strictEqual(twoAndHalf.burstLimit, 2);
    assert.strictEqual(twoAndHalf.burstWindowMs, 800);
    assert.strictEqual(resolveLimiterConfig({ burstPerSecond: 0 }).burstLimit, 0);
    assert.strictEqual(resolveLimiterConfig({ burstPerSecond: 1_000_000 }).burstLimit, 0);
  });
  it("bad values are named with what to do; good ones pass", () => {
    assert.deepStrictEqual(limiterSettingIssues({ maxConcurrency: 5, burstPerSecond: 0, burstPacing: "always", maxRetryAfterMs: 0 }), []);
    const issues = limiterSettingIssues({
      maxConcurrency: 0,
      burstPerSecond: -1,
      burstPacing: "sometimes" as "learn",
      maxRetryAfterMs: 10 * 3_600_000,
      storeTimeoutMs: 0.5,
    });
    assert.deepStrictEqual(
      issues.map((i) => i.path),
      ["maxConcurrency", "burstPerSecond", "burstPacing", "maxRetryAfter", "storeTimeoutMs"],
    );
    assert.include(issues[0]!.message, "from 1 to 1000");
    assert.lengthOf(limiterSettingIssues({ maxConcurrency: 1_001 }), 1);
    assert.lengthOf(limiterSettingIssues({ maxConcurrency: 2.5 }), 1);
    assert.lengthOf(limiterSettingIssues({ burstPerSecond: Number.NaN }), 1);
    assert.lengthOf(limiterSettingIssues({ maxConcurrency: "7" as unknown as number }), 1);
  });
  it("makeRateLimiter cannot fail: out-of-range tuning is clamped into range", () => {
    const cfg = resolveLimiterConfig({ maxConcurrency: -3, maxRetryAfterMs: Number.POSITIVE_INFINITY, paceBelow: 7 });
    assert.strictEqual(cfg.maxConcurrency, 1);
    assert.strictEqual(cfg.maxRetryAfterMs, 60_000);
    assert.strictEqual(cfg.paceBelow, 1);
  });
});

describe("decision rules", () => {
  const cfg = resolveLimiterConfig({});
  it("gate lengths are bounded: 0 → minimum, garbage → default, huge → cap", () => {
    assert.strictEqual(gateMs(0, cfg), cfg.minRetryAfterMs);
    assert.strictEqual(gateMs(undefined, cfg), cfg.defaultRetryAfterMs);
    assert.strictEqual(gateMs(Number.NaN, cfg), cfg.defaultRetryAfterMs);
    assert.strictEqual(gateMs(-5, cfg), cfg.minRetryAfterMs);
    assert.strictEqual(gateMs(1e15, cfg), cfg.maxRetryAfterMs);
    assert.strictEqual(gateMs(2_500, cfg), 2_500);
  });
  it("a company 429 with no remaining figure gates the company and paces the resource (it may have been a burst)", () => {
    const account = emptyAccount();
    trip(account, { resource: "tags", retryAfterMs: 2_000, tier: undefined, remaining: undefined }, 0, cfg);
    assert.strictEqual(account.gateUntil, 2_000);
    assert.isTrue(resourceState(account, "tags", cfg).paced);
    assert.isFalse(resourceState(account, "contacts", cfg).paced);
  });
  it("a remaining without a reset gets one window; a reset further than one window is clamped to it", () => {
    const account = emptyAccount();
    observe(account, { remaining: 4 }, 1_000, cfg);
    assert.strictEqual(account.resetAt, 1_000 + cfg.maxWindowMs);
    observe(account, { remaining: 4, resetAt: 10_000_000 }, 2_000, cfg);
    assert.strictEqual(account.resetAt, 2_000 + cfg.maxWindowMs);
  });
  it("resources past maxResources share one bucket (bounded memory)", () => {
    const account = emptyAccount();
    for (let i = 0; i < cfg.maxResources + 50; i++) resourceState(account, `r${i}`, cfg);
    assert.strictEqual(account.resources.size, cfg.maxResources + 1);
  });
});
