import { assert, describe, it } from "@effect/vitest";
import { ConfigProvider, Effect, Exit, Layer } from "effect";
import { Front, runTool, listTags } from "../src/index.js";
import { fakeFetch, json } from "./support/fake-fetch.js";

describe("Front.layerConfig", () => {
  it.effect("reads FRONT_API_TOKEN (as Redacted) and FRONT_API_BASE_URL from the config provider", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([json(200, { _results: [] })]);
      const env = ConfigProvider.layer(ConfigProvider.fromEnvRecord({ FRONT_API_TOKEN: "tok_from_env_0123456789", FRONT_API_BASE_URL: "http://127.0.0.1:7" }));
      const front = Front.layerConfig({ fetch, burstPerSecond: 0 }).pipe(Layer.provide(env));
      yield* runTool(listTags, {}).pipe(Effect.provide(front));
      assert.strictEqual(requests[0]!.headers.get("authorization"), "Bearer tok_from_env_0123456789");
      assert.strictEqual(new URL(requests[0]!.url).origin, "http://127.0.0.1:7");
    }),
  );

  it.effect("a missing FRONT_API_TOKEN fails the layer", () =>
    Effect.gen(function* () {
      const env = ConfigProvider.layer(ConfigProvider.fromEnvRecord({}));
      const exit = yield* Effect.exit(Layer.build(Front.layerConfig().pipe(Layer.provide(env))).pipe(Effect.scoped));
      assert.isTrue(Exit.isFailure(exit));
      assert.include(String(exit), "FRONT_API_TOKEN");
    }),
  );
});
