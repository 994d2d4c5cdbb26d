import { expectTypeOf, test } from "vitest";
import {
  createSpojitExecutor,
  frontConnector,
  handleSpojitTriggerDelivery,
  type SpojitError,
  type SpojitErrorCode,
  type SpojitExecuteResult,
  type SpojitTriggerEvent,
  type SpojitTriggerResult,
} from "../../src/spojit/index.js";

test("execute resolves to a result union that narrows on ok", async () => {
  const executor = createSpojitExecutor();
  const result = await executor.execute<{ count: number }>({ tool: "list-tags", input: {}, connection: { id: "c", token: "t" } });
  expectTypeOf(result).toEqualTypeOf<SpojitExecuteResult<{ count: number }>>();
  if (result.ok) {
    expectTypeOf(result.data.count).toBeNumber();
    expectTypeOf(result.meta.attempts).toBeNumber();
  } else {
    expectTypeOf(result.error).toEqualTypeOf<SpojitError>();
    expectTypeOf(result.error.code).toEqualTypeOf<SpojitErrorCode>();
    expectTypeOf(result.error.retryable).toBeBoolean();
  }
  // @ts-expect-error a connection is required
  await executor.execute({ tool: "list-tags", input: {} });
  // @ts-expect-error the token is required
  await executor.execute({ tool: "list-tags", connection: { id: "c" } });
  // @ts-expect-error codes are a closed set
  const code: SpojitErrorCode = "SOMETHING_ELSE";
  void code;
});

test("the definition is read-only data", () => {
  // @ts-expect-error the definition cannot be mutated
  frontConnector.identifier = "other";
  expectTypeOf(frontConnector.tools[0]!.readOnly).toBeBoolean();
});

test("trigger results narrow on ok: events and a challenge, or a Spojit error", async () => {
  const result = handleSpojitTriggerDelivery({ trigger: "new-inbound-message", secret: "s".repeat(16), headers: {}, body: "{}" });
  expectTypeOf(result).toEqualTypeOf<SpojitTriggerResult>();
  if (result.ok) {
    expectTypeOf(result.events).toEqualTypeOf<ReadonlyArray<SpojitTriggerEvent>>();
    expectTypeOf(result.challenge).toEqualTypeOf<string | undefined>();
    expectTypeOf(result.events[0]!.message).toEqualTypeOf<SpojitTriggerEvent["message"]>();
  } else {
    expectTypeOf(result.error.code).toEqualTypeOf<SpojitErrorCode>();
  }
  // @ts-expect-error the raw body is required (bytes or a string, never parsed JSON)
  handleSpojitTriggerDelivery({ trigger: "new-inbound-message", secret: "x", headers: {} });
  // @ts-expect-error a parsed body is not a raw body
  handleSpojitTriggerDelivery({ trigger: "new-inbound-message", secret: "x", headers: {}, body: { type: "sync" } });

  const poll = await createSpojitExecutor().pollTrigger({ trigger: "conversation-tagged", connection: { id: "c", token: "t" } });
  if (poll.ok) expectTypeOf(poll.cursor).toBeString();
  // @ts-expect-error a poll needs a connection
  await createSpojitExecutor().pollTrigger({ trigger: "conversation-tagged" });
});
