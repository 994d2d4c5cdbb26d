import { expectTypeOf, test } from "vitest";
import {
  createSpojitExecutor,
  frontConnector,
  type SpojitError,
  type SpojitErrorCode,
  type SpojitExecuteResult,
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
