import { describe, expectTypeOf, it } from "vitest";
import {
  createFrontWebhookReceiver,
  eventIdOf,
  inboxIdsOf,
  verifyFrontWebhook,
  type DedupeStore,
  type FrontEvent,
  type FrontEventPreview,
  type FrontEventType,
  type FrontWebhookDelivery,
  type WebhookKind,
  type WebhookRefusal,
} from "../../src/index.js";

declare const delivery: FrontWebhookDelivery;

describe("webhook types", () => {
  it("narrow deliveries by kind, preview and event", () => {
    if (delivery.kind === "rule") {
      if (delivery.preview) expectTypeOf(delivery.event).toEqualTypeOf<FrontEventPreview>();
      else expectTypeOf(delivery.event).toEqualTypeOf<FrontEvent>();
    } else if (delivery.event !== undefined) {
      expectTypeOf(delivery.event).toEqualTypeOf<FrontEvent>();
      expectTypeOf(delivery.authorizationId).toBeString();
      expectTypeOf(delivery.type).toBeString();
    } else {
      expectTypeOf(delivery.type).toEqualTypeOf<"sync">();
    }
  });

  it("keep documented event types checked and unknown ones possible", () => {
    expectTypeOf<"inbound">().toExtend<FrontEventType>();
    expectTypeOf<FrontEvent["type"]>().toExtend<string>();
    // @ts-expect-error a typo is not a documented type
    const typo: FrontEventType = "inbund";
    void typo;
    expectTypeOf(eventIdOf).returns.toEqualTypeOf<string | undefined>();
    expectTypeOf(inboxIdsOf).returns.toEqualTypeOf<readonly string[]>();
  });

  it("type the verification result and refuse wrong inputs", () => {
    const result = verifyFrontWebhook({ kind: "application", secret: "s", headers: new Headers(), body: "" });
    if (result.valid) {
      expectTypeOf(result.event).toEqualTypeOf<FrontWebhookDelivery>();
      expectTypeOf(result.challenge).toEqualTypeOf<string | undefined>();
    } else {
      expectTypeOf(result.code).toEqualTypeOf<WebhookRefusal>();
      expectTypeOf(result.kind).toEqualTypeOf<WebhookKind>();
    }
    // @ts-expect-error the kind is required: it is never guessed
    verifyFrontWebhook({ secret: "s", headers: {}, body: "" });
    // @ts-expect-error a parsed body cannot be verified
    verifyFrontWebhook({ kind: "rule", secret: "s", headers: {}, body: { id: "evt_1" } });
    // @ts-expect-error only two kinds exist
    verifyFrontWebhook({ kind: "webhook", secret: "s", headers: {}, body: "" });
  });

  it("accept sync and async dedupe stores", () => {
    const sync: DedupeStore = { firstSeen: () => true };
    const async: DedupeStore = { firstSeen: async () => false };
    createFrontWebhookReceiver({ kind: "rule", secret: "s", onEvent: () => undefined, dedupeStore: sync });
    createFrontWebhookReceiver({ kind: "rule", secret: "s", onEvent: async () => undefined, dedupeStore: async });
    // @ts-expect-error onEvent is required
    createFrontWebhookReceiver({ kind: "rule", secret: "s" });
  });
});
