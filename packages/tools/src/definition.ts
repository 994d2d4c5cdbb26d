/**
 * The shape of a tool: one definition that every adapter (MCP, Spojit, n8n, the
 * Promise facade) derives from, and the one way to run it — input decoded
 * first, so invalid input never reaches Front.
 */
import { Effect, Result, Schema, SchemaIssue } from "effect";
import { type FrontToolError, formatIssuePath, type InputIssue, type InvalidInput, invalidInput } from "./errors.js";
import { CurrentCallBudget, makeCallBudget } from "./call-budget.js";
import type { Front } from "./front.js";
import { withGuardedProgress } from "./progress.js";

/** Behaviour hints, mapped to MCP's readOnlyHint/destructiveHint/idempotentHint/openWorldHint. */
export interface ToolAnnotations {
  /** Only reads from Front. */
  readonly readOnly: boolean;
  /** May overwrite or delete existing data in Front. */
  readonly destructive: boolean;
  /** Calling it twice with the same input has no extra effect. */
  readonly idempotent: boolean;
  /** Talks to the outside world (always true here: Front). */
  readonly openWorld: boolean;
}

/**
 * Where a tool sits in a Resource → Operation menu (the n8n node): values follow n8n's conventions (`get`,
 * `getAll`, `create`) so workflows read like those of built-in nodes.
 */
export interface ToolMenu {
  /** The resource value, e.g. `conversation`. */
  readonly resource: string;
  /** The operation value within the resource, e.g. `getAll`. */
  readonly operation: string;
  /** The operation's menu label, e.g. "Get Many". */
  readonly label: string;
}

/**
 * How a tool that lists things pages, by its own input and output field names, so an adapter follows it
 * without guessing. `cursor`: one page per call, `limit` in, `cursor` in to continue, `next` out (absent at the
 * end); `autoPaginate`, when the tool can follow pages itself up to a bound. `all`: the whole list comes back in
 * one call.
 */
export type ToolPaging =
  | {
      readonly mode: "cursor";
      /** The output field holding the list. */
      readonly items: string;
      readonly limit: string;
      readonly cursor: string;
      readonly next: string;
      readonly autoPaginate?: { readonly flag: string; readonly maxResults: string };
    }
  | {
      readonly mode: "all";
      /** The output field holding the list. */
      readonly items: string;
    };

/** Which input field takes file attachments, and the field names of one attachment. */
export interface ToolAttachments {
  /** The input field holding the array of attachments. */
  readonly field: string;
  readonly filename: string;
  readonly contentType: string;
  /** The field with the file's content (its JSON Schema says how it is encoded). */
  readonly data: string;
}

/** A worked example of a tool's input (as JSON, the way users write it); tests check each against the schema. */
export interface ToolExample {
  readonly title: string;
  readonly input: Readonly<Record<string, unknown>>;
}

/** A schema a tool's input or output can use: no services needed to decode or encode. */
export type ToolSchema<A> = Schema.Codec<A, unknown, never, never>;

/** One Front tool. */
export interface ToolDefinition<I, O> {
  /** kebab-case tool name, e.g. `list-tags`. */
  readonly name: string;
  /** Human title, e.g. "List tags". */
  readonly title: string;
  /** LLM-facing: when to use it, limits, what comes back. */
  readonly description: string;
  /** Input schema (snake_case fields as Front names them). */
  readonly input: ToolSchema<I>;
  /** Output schema (plain JSON objects). */
  readonly output: ToolSchema<O>;
  /** Behaviour hints. */
  readonly annotations: ToolAnnotations;
  /** Its place in a Resource → Operation menu (absent: adapters file it under "Other"). */
  readonly menu?: ToolMenu;
  /** How it pages, when it lists things (absent: it answers about one thing). */
  readonly paging?: ToolPaging;
  /** Which input takes file attachments, when one does. */
  readonly attachments?: ToolAttachments;
  /** Worked examples of its input, at least one. */
  readonly examples: ReadonlyArray<ToolExample>;
  /** The program, given decoded input. */
  readonly run: (input: I) => Effect.Effect<O, FrontToolError, Front>;
}

/** A tool of any input/output, as held by the registry. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds tools of different types; each is checked at its definition.
export type AnyToolDefinition = ToolDefinition<any, any>;

/** Input type of a tool definition. */
export type ToolInput<T> = T extends ToolDefinition<infer I, infer _O> ? I : never;
/** Output type of a tool definition. */
export type ToolOutput<T> = T extends ToolDefinition<infer _I, infer O> ? O : never;

/** Declares a tool; the identity function, there so the types of input, output and run are checked together. */
export const defineTool = <I, O>(definition: ToolDefinition<I, O>): ToolDefinition<I, O> => definition;

// Unknown fields are refused, not ignored: a misspelt `tagIds` must not silently become "no tags".
const decodeOptions = { errors: "all", onExcessProperty: "error" } as const;

const formatter = SchemaIssue.makeFormatterStandardSchemaV1();

/** Every problem in a schema issue as `{ path, message }`, paths rendered like `tag_ids[0]`. */
export const issuesOf = (issue: SchemaIssue.Issue): ReadonlyArray<InputIssue> =>
  formatter(issue).issues.map((i) => ({
    path: formatIssuePath(i.path ?? []),
    message: i.message,
  }));

// One synchronous decoder per tool, built on first use: decoding runs before every call.
const inputDecoders = new WeakMap<object, (input: unknown) => Result.Result<unknown, Schema.SchemaError>>();

/** Decodes a tool's input; every problem becomes one InvalidInput issue with its path. */
export const decodeToolInput = <I, O>(tool: ToolDefinition<I, O>, input: unknown): Effect.Effect<I, InvalidInput> =>
  Effect.suspend(() => {
    let decode = inputDecoders.get(tool);
    if (decode === undefined) {
      decode = Schema.decodeUnknownResult(tool.input, decodeOptions);
      inputDecoders.set(tool, decode);
    }
    const decoded = decode(input) as Result.Result<I, Schema.SchemaError>;
    return Result.isSuccess(decoded)
      ? Effect.succeed(decoded.success)
      : Effect.fail(invalidInput(issuesOf(decoded.failure.issue), { operation: tool.name, summary: `Invalid input for ${tool.name}` }));
  });

/** Runs a tool on untrusted input: decode (nothing sent if invalid), then the program, its progress reports guarded. */
export const runTool = <I, O>(tool: ToolDefinition<I, O>, input: unknown): Effect.Effect<O, FrontToolError, Front> =>
  Effect.withSpan(
    // Each call counts the bytes it reads against its own budget (call-budget.ts).
    Effect.suspend(() =>
      Effect.provideService(withGuardedProgress(Effect.flatMap(decodeToolInput(tool, input), tool.run)), CurrentCallBudget, makeCallBudget()),
    ),
    `tool ${tool.name}`,
    { captureStackTrace: false },
  );

/** Turns a tool's output into plain JSON (what adapters send). */
export const encodeToolOutput = <I, O>(tool: ToolDefinition<I, O>, output: O): Effect.Effect<unknown> =>
  Schema.encodeUnknownEffect(tool.output)(output).pipe(
    // Output comes from our own program; failing to encode it is a bug, not a user error.
    Effect.orDie,
  );
