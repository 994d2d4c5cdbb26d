import { it } from "@effect/vitest";
import { type FaultProxy, startFaultProxy } from "@frontkit/testkit";
import { Front } from "@frontkit/tools";
import { Effect, Layer } from "effect";
import { afterEach, beforeEach, describe, expect, inject } from "vitest";
import { classifyAndTag, openAiFromEnv, run } from "../classify-and-tag.js";
import { Classifier } from "../lib/classifier.js";
import { makeKeywordClassifier } from "../lib/keyword-classifier.js";
import { labelsFromAnswer } from "../lib/openai-classifier.js";
import { type HttpSink, startHttpSink } from "../lib/http-sink.js";

const token = "classify-test-token";
const apiKey = "sk-classify-test-key";
let proxy: FaultProxy;
let sink: HttpSink | undefined;
beforeEach(async () => {
  proxy = await startFaultProxy({ target: inject("prismUrl") });
});
afterEach(async () => {
  await proxy.stop();
  await sink?.stop();
  sink = undefined;
});

const tagRequests = () => proxy.requests.filter((r) => r.method === "POST" && /^\/conversations\/cnv_[^/]+\/tags$/.test(r.path));

/** The mock's only tag is "Warehouse task" (tag_2oxhvy); its conversations are about pranking Dwight. */
const knownTagIds = async (): Promise<Map<string, string>> => {
  const res = await fetch(`${inject("prismUrl")}/tags`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { _results: Array<{ id: string; name: string }> };
  return new Map(body._results.map((t) => [t.name, t.id]));
};

describe("classify-and-tag with the keyword classifier", () => {
  it("adds the matching tag by name: one POST /conversations/{id}/tags per matched conversation", async () => {
    const ids = await knownTagIds();
    const results = await run({ baseUrl: proxy.url, token, rules: { "Warehouse task": ["prank"], Billing: ["invoice"] } });

    const tagged = results.filter((r) => r.tags.length > 0);
    expect(tagged.length).toBeGreaterThan(0);
    for (const r of tagged) expect(r.tags).toEqual(["Warehouse task"]);
    const sent = tagRequests();
    expect(sent.map((r) => r.path)).toEqual(tagged.map((r) => `/conversations/${r.conversationId}/tags`));
    for (const r of sent) expect(JSON.parse(r.bodyText)).toEqual({ tag_ids: [ids.get("Warehouse task")] });
  });

  it("sends no add-tag request when no rule matches", async () => {
    const results = await run({ baseUrl: proxy.url, token, rules: { "Warehouse task": ["zzz-no-such-word"] } });
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.tags.length === 0)).toBe(true);
    expect(tagRequests()).toHaveLength(0);
  });
});

describe("classify-and-tag with an OpenAI-compatible endpoint", () => {
  it("asks chat completions with the existing tag names and applies only those it may", async () => {
    const ids = await knownTagIds();
    sink = await startHttpSink((_req, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({ choices: [{ message: { role: "assistant", content: '["warehouse task", "Invented tag"]' } }] }),
      ),
    );
    const results = await run({ baseUrl: proxy.url, token, openAi: { baseUrl: `${sink.url}/v1`, apiKey, model: "test-model" } });

    expect(results.length).toBeGreaterThan(0);
    expect(sink.received).toHaveLength(results.length);
    const asked = sink.received[0]!;
    expect(asked.method).toBe("POST");
    expect(asked.path).toBe("/v1/chat/completions");
    expect(asked.headers.authorization).toBe(`Bearer ${apiKey}`);
    const body = JSON.parse(asked.body) as { model: string; messages: Array<{ role: string; content: string }> };
    expect(body.model).toBe("test-model");
    expect(body.messages[0]!.content).toContain('"Warehouse task"');
    expect(body.messages[1]!.content).toMatch(/^Subject: /);
    expect(body.messages[1]!.content).not.toContain(token);

    for (const r of results) expect(r.tags).toEqual(["Warehouse task"]);
    const sent = tagRequests();
    expect(sent).toHaveLength(results.length);
    for (const r of sent) expect(JSON.parse(r.bodyText)).toEqual({ tag_ids: [ids.get("Warehouse task")] });
  });

  it("fails with ClassifierError (no key in it) and tags nothing when the endpoint answers 500", async () => {
    sink = await startHttpSink((_req, res) => res.writeHead(500).end("down"));
    const error = await run({ baseUrl: proxy.url, token, openAi: { baseUrl: sink.url, apiKey } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ _tag: "ClassifierError" });
    expect(String((error as Error).message)).toContain("answered 500");
    expect(JSON.stringify(error) + String((error as Error).message)).not.toContain(apiKey);
    expect(tagRequests()).toHaveLength(0);
  });

  it("is chosen only when both OPENAI_BASE_URL and OPENAI_API_KEY are set", () => {
    expect(openAiFromEnv({})).toBeUndefined();
    expect(openAiFromEnv({ OPENAI_BASE_URL: "http://127.0.0.1:1" })).toBeUndefined();
    expect(openAiFromEnv({ OPENAI_BASE_URL: "http://127.0.0.1:1", OPENAI_API_KEY: "k", OPENAI_MODEL: "m" })).toEqual({
      baseUrl: "http://127.0.0.1:1",
      apiKey: "k",
      model: "m",
    });
  });
});

describe("the classifier is pluggable", () => {
  // it.live: the Front layer paces and times out requests on the real clock (it.effect's TestClock would never advance).
  it.live("runs the Effect program with any Classifier layer", () =>
    Effect.gen(function* () {
      const seen: string[] = [];
      const recording = Layer.succeed(Classifier, {
        classify: (text, labels) =>
          Effect.sync(() => {
            seen.push(text.subject);
            return labels.slice(0, 1);
          }),
      });
      const results = yield* classifyAndTag({ statuses: ["unassigned"] }).pipe(
        Effect.provide(Layer.mergeAll(Front.layer({ token, baseUrl: proxy.url }), recording)),
      );
      expect(seen.length).toBe(results.length);
      expect(seen.every((s) => s.length > 0)).toBe(true);
      expect(tagRequests()).toHaveLength(results.length);
    }),
  );

  it.effect("keyword classifier: whole words, case-insensitive, only existing labels", () =>
    Effect.gen(function* () {
      const classifier = makeKeywordClassifier({ Billing: ["refund"], Bug: ["crash"], Ghost: ["refund"] });
      expect(yield* classifier.classify({ subject: "REFUND please", body: "it did not crash" }, ["billing", "Bug"])).toEqual(["Billing", "Bug"]);
      expect(yield* classifier.classify({ subject: "refunds", body: "crashed" }, ["Billing", "Bug"])).toEqual([]);
    }),
  );
});

describe("labelsFromAnswer", () => {
  it.effect("keeps only known labels from a JSON array or a comma list", () =>
    Effect.sync(() => {
      expect(labelsFromAnswer('Sure: ["bug", "Nope", "BILLING"]', ["Billing", "Bug"])).toEqual(["Bug", "Billing"]);
      expect(labelsFromAnswer("Bug, billing", ["Billing", "Bug"])).toEqual(["Bug", "Billing"]);
      expect(labelsFromAnswer("[]", ["Billing"])).toEqual([]);
      expect(labelsFromAnswer('{"x": 1}', ["Billing"])).toEqual([]);
    }),
  );
});
