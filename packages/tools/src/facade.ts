/**
 * The Promise facade for integrators who do not use Effect.
 *
 * One `FrontTools` instance = one token = one Front service (one rate limiter,
 * one tag/inbox cache), run on its own ManagedRuntime. Failures reject with the
 * typed error instances themselves: `Error`s carrying `_tag`, `message` and the
 * fields, serializable with `JSON.stringify` (never the token).
 */
import type { RateLimitInfo } from "@frontkit/core";
import { Cause, Context, Effect, Exit, type Fiber, Option, References, Stream } from "effect";
import { type AnyToolDefinition, runTool, type ToolInput, type ToolOutput } from "./definition.js";
import { Disposed, type FrontToolError, invalidInput, Transport } from "./errors.js";
import { eventsStream, type EventsFeedItem, type EventsPoll, pollEventsOnce } from "./events/feed.js";
import { type EventsFeedOptions, MIN_POLL_INTERVAL_MS } from "./events/options.js";
import { Front, type FrontConfig, makeFront } from "./front.js";
import { camelName, kebabName } from "./names.js";
import { guardProgress, ProgressReporter, type ProgressUpdate } from "./progress.js";
import { type RequestEvent, RequestObserver } from "./request-events.js";
import { tools, toolsByName } from "./registry.js";
import { CurrentRequestMeter, makeRequestMeter } from "./request-meter.js";

/** Options of `createFrontTools`. */
export type FrontToolsOptions = FrontConfig;

/** Per-call options. */
export interface InvokeOptions {
  /** Aborting it interrupts the tool and aborts its in-flight request. */
  readonly signal?: AbortSignal | undefined;
  /** Progress of long tools (paging). */
  readonly onProgress?: ((progress: ProgressUpdate) => void) | undefined;
  /** Each HTTP attempt and retry wait of this call (method, path template, status, timings; never the token or a body). */
  readonly onRequest?: ((event: RequestEvent) => void) | undefined;
}

/** Result of `invokeDetailed`. */
export interface DetailedResult<O> {
  readonly data: O;
  readonly meta: {
    /** HTTP attempts sent by this call, retries included. */
    readonly attempts: number;
    /** Rate-limit headers of the last response. */
    readonly rateLimit: RateLimitInfo;
  };
}

/** Options of `front.events()`: the feed's options, the wait between polls in ms, and a signal that ends it. */
export interface EventsIteratorOptions extends EventsFeedOptions {
  /** Wait between polls that found nothing more to read, in ms (default 30 000, at least 1 000). */
  readonly pollIntervalMs?: number | undefined;
  /** Aborting it ends the iteration (interrupting a wait or an in-flight request); no error is thrown. */
  readonly signal?: AbortSignal | undefined;
}

type KebabToCamel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<KebabToCamel<T>>}` : S;

type Tools = typeof tools;

/** The tools as camelCase async methods (`listTags`, `addTag`, …). */
export type FrontToolMethods = {
  readonly [K in keyof Tools & string as KebabToCamel<K>]: {} extends ToolInput<Tools[K]>
    ? (input?: ToolInput<Tools[K]>, options?: InvokeOptions) => Promise<ToolOutput<Tools[K]>>
    : (input: ToolInput<Tools[K]>, options?: InvokeOptions) => Promise<ToolOutput<Tools[K]>>;
};

/** Every tool definition by its kebab-case name and by its camelCase name (`list-tags`, `listTags`). */
export type ToolsByAnyName = Tools & { readonly [K in keyof Tools & string as KebabToCamel<K>]: Tools[K] };

/** A tool name `invoke` knows, kebab-case or camelCase. */
export type FrontToolName = keyof ToolsByAnyName & string;

/** `invoke`: typed by the tool for a literal tool name, `unknown` for any other string. */
export interface InvokeTool {
  <N extends FrontToolName>(name: N, input: ToolInput<ToolsByAnyName[N]>, options?: InvokeOptions): Promise<ToolOutput<ToolsByAnyName[N]>>;
  <S extends string>(name: S extends FrontToolName ? never : S, input: unknown, options?: InvokeOptions): Promise<unknown>;
}

/** `invokeDetailed`: typed by the tool for a literal tool name, `unknown` data for any other string. */
export interface InvokeToolDetailed {
  <N extends FrontToolName>(name: N, input: ToolInput<ToolsByAnyName[N]>, options?: InvokeOptions): Promise<DetailedResult<ToolOutput<ToolsByAnyName[N]>>>;
  <S extends string>(name: S extends FrontToolName ? never : S, input: unknown, options?: InvokeOptions): Promise<DetailedResult<unknown>>;
}

/** The Front tools behind Promises. */
export type FrontTools = FrontToolMethods & {
  /**
   * Runs a tool by name (`list-tags`; camelCase accepted); an unknown name rejects with InvalidInput listing the
   * valid ones. A literal tool name types the input and the result by that tool.
   */
  readonly invoke: InvokeTool;
  /** Like `invoke`, resolving to `{ data, meta: { attempts, rateLimit } }`: HTTP attempts sent (retries included) and the last rate-limit headers. */
  readonly invokeDetailed: InvokeToolDetailed;
  /** Polls Front's events once: new events oldest first and the cursor to pass next time (see the README's "Events feed"). */
  readonly pollEvents: (options?: EventsFeedOptions, invokeOptions?: InvokeOptions) => Promise<EventsPoll>;
  /** Every event from the cursor (or `since`, default now) on, each with the cursor to persist once handled; ends on `break` or `signal`. */
  readonly events: (options?: EventsIteratorOptions) => AsyncIterable<EventsFeedItem>;
  /** Releases the runtime and ends running event iterations; later calls reject with Disposed. */
  readonly dispose: () => Promise<void>;
};

const aborted = (name: string) =>
  new Transport({
    reason: "aborted",
    retryable: false,
    operation: name,
    message: `The ${name} call was cancelled by the caller before it finished.`,
  });

const disposedError = (name: string) =>
  new Disposed({
    retryable: false,
    operation: name,
    message: `The ${name} call was not sent: this FrontTools instance was disposed. Create a new one with createFrontTools.`,
  });

const unknownTool = (name: string): FrontToolError =>
  invalidInput(
    [{ path: "name", message: `unknown tool ${JSON.stringify(name)}; valid names: ${Object.keys(toolsByName).join(", ")}` }],
    { summary: "Unknown tool" },
  );

/**
 * Creates the Promise facade. Throws InvalidInput synchronously on a bad token, base URL or option
 * (the message never contains the token).
 */
export const createFrontTools = (options: FrontToolsOptions): FrontTools => {
  const exit = Effect.runSyncExit(makeFront(options));
  if (Exit.isFailure(exit)) throw Cause.squash(exit.cause);
  // Promise callers cannot install a tracer, so spans would be built for nobody (they cost ~20 µs a call).
  // A fixed context and a plain runner rather than a ManagedRuntime: there is no layer to build or release
  // (the service is ready above), and ManagedRuntime's per-run bookkeeping cost more than the rest of a call.
  const context = Context.make(Front, exit.value).pipe(Context.add(References.TracerEnabled, false));
  const fork = Effect.runForkWith(context);
  // What dispose interrupts: the calls still running.
  const running = new Set<Fiber.Fiber<unknown, unknown>>();
  let disposed = false;

  const run = async <A>(name: string, effect: Effect.Effect<A, FrontToolError, Front>, invokeOptions: InvokeOptions = {}): Promise<A> => {
    if (disposed) throw disposedError(name);
    if (invokeOptions.signal?.aborted === true) throw aborted(name);
    const onProgress = invokeOptions.onProgress;
    const onRequest = invokeOptions.onRequest;
    // Guarded here too (runTool guards tool calls), so every facade call's progress keeps the one rule.
    const reporting = onProgress === undefined ? effect : Effect.provideService(effect, ProgressReporter, guardProgress(onProgress));
    const program = onRequest === undefined ? reporting : Effect.provideService(reporting, RequestObserver, onRequest);
    const fiber = fork(program, invokeOptions.signal === undefined ? undefined : { signal: invokeOptions.signal });
    running.add(fiber);
    const result = await new Promise<Exit.Exit<A, FrontToolError>>((resolve) => {
      fiber.addObserver(resolve);
    });
    running.delete(fiber);
    if (Exit.isSuccess(result)) return result.value;
    const failure = Cause.findErrorOption(result.cause);
    if (Option.isSome(failure)) throw failure.value;
    if (Cause.hasInterruptsOnly(result.cause)) throw aborted(name);
    throw Cause.squash(result.cause);
  };

  const resolve = (name: string): AnyToolDefinition | undefined =>
    typeof name === "string" ? (toolsByName[name] ?? toolsByName[kebabName(name)]) : undefined;

  const invoke = (name: string, input: unknown, invokeOptions?: InvokeOptions): Promise<unknown> => {
    const tool = resolve(name);
    if (tool === undefined) return Promise.reject(unknownTool(String(name)));
    return run(tool.name, runTool(tool, input ?? {}), invokeOptions);
  };

  const invokeDetailed = async (name: string, input: unknown, invokeOptions?: InvokeOptions): Promise<DetailedResult<unknown>> => {
    const tool = resolve(name);
    if (tool === undefined) throw unknownTool(String(name));
    const meter = makeRequestMeter();
    const data = await run(
      tool.name,
      Effect.provideService(runTool(tool, input ?? {}), CurrentRequestMeter, meter),
      invokeOptions,
    );
    return { data, meta: { attempts: meter.attempts, rateLimit: meter.rateLimit } };
  };

  // What dispose ends besides fibers: the event iterations still open.
  const iterations = new Set<() => Promise<unknown>>();

  const events = (options: EventsIteratorOptions = {}): AsyncIterable<EventsFeedItem> => ({
    [Symbol.asyncIterator]: (): AsyncIterator<EventsFeedItem> => {
      if (disposed) {
        const gone = () => Promise.reject(disposedError("events"));
        return { next: gone };
      }
      const { pollIntervalMs, signal, ...feed } = options;
      const badInterval =
        pollIntervalMs !== undefined && !(typeof pollIntervalMs === "number" && Number.isFinite(pollIntervalMs) && pollIntervalMs >= MIN_POLL_INTERVAL_MS);
      const stream = badInterval
        ? Stream.fail(
            invalidInput([{ path: "pollIntervalMs", message: `must be a number of milliseconds ≥ ${MIN_POLL_INTERVAL_MS}` }], {
              summary: "Invalid events feed options",
              operation: "events-feed",
            }),
          )
        : eventsStream({ ...feed, ...(pollIntervalMs === undefined ? {} : { pollInterval: pollIntervalMs }) });
      const inner = Stream.toAsyncIterableWith(stream, context)[Symbol.asyncIterator]();
      const finished = { done: true, value: undefined } as const;
      let closing: Promise<unknown> | undefined;
      // Closing the inner iterator interrupts its fiber (a wait or a request) and runs the stream's finalizers.
      const close = (): Promise<unknown> => {
        if (closing === undefined) {
          closing = Promise.resolve(inner.return?.()).catch(() => undefined);
          signal?.removeEventListener("abort", onAbort);
          iterations.delete(close);
        }
        return closing;
      };
      const onAbort = () => void close();
      signal?.addEventListener("abort", onAbort, { once: true });
      iterations.add(close);
      return {
        next: async () => {
          if (disposed || signal?.aborted === true) await close();
          if (closing !== undefined) return finished;
          try {
            const result = await inner.next();
            if (result.done === true) await close();
            return closing !== undefined ? finished : result;
          } catch (error) {
            await close();
            // An abort is the caller ending the iteration, not a failure.
            if (signal?.aborted === true) return finished;
            throw error;
          }
        },
        return: async () => {
          await close();
          return finished;
        },
      };
    },
  });

  const pollEvents = (options: EventsFeedOptions = {}, invokeOptions?: InvokeOptions): Promise<EventsPoll> =>
    run("events-feed", pollEventsOnce(options), invokeOptions);

  const methods: Record<string, (input?: unknown, o?: InvokeOptions) => Promise<unknown>> = {};
  for (const name of Object.keys(tools)) methods[camelName(name)] = (input, o) => invoke(name, input, o);

  return {
    ...(methods as FrontToolMethods),
    invoke: invoke as InvokeTool,
    invokeDetailed: invokeDetailed as InvokeToolDetailed,
    pollEvents,
    events,
    dispose: async () => {
      disposed = true;
      await Promise.all([...iterations].map((close) => close()));
      const pending = [...running];
      for (const fiber of pending) fiber.interruptUnsafe();
      await Promise.all(pending.map((fiber) => new Promise<void>((resolve) => fiber.addObserver(() => resolve()))));
    },
  };
};
