/**
 * One HTTP exchange with Front, tied to the calling fiber: the core call is started, interruption cancels it,
 * and a rejection (no HTTP answer, or core refusing the input) becomes its typed error. Statuses are read
 * afterwards, by `front-settle.ts`.
 */
import { type FrontClient, type FrontInputError, isFrontError } from "@frontkit/core";
import { Effect } from "effect";
import { type FrontToolError, invalidInput } from "./errors.js";
import { errorFromThrown } from "./http-errors.js";

/** What openapi-fetch resolves with. */
export interface FetchResult<A> {
  readonly data?: A;
  readonly error?: unknown;
  readonly response: Response;
}

/**
 * What the boundary hands each call, so interruption cancels the request. Spread it into core's
 * `request()` init (`{ params, ...control }`: only `onCancel` is copied, no signal is made), or take
 * `control.signal` for APIs that need an AbortSignal, such as openapi-fetch's `client.GET`.
 */
export interface RequestControl {
  /** Receives core's canceller for this request; the boundary calls it when the fiber is interrupted. */
  readonly onCancel: (cancel: (reason?: unknown) => void) => void;
  /** An AbortSignal aborted on interruption, created on first read (a getter: spreading the control skips it). */
  readonly signal: AbortSignal;
}

/** Runs one core request; receives the typed client and the control that ties it to the fiber. */
export type FrontCall<A> = (client: FrontClient, control: RequestControl) => Promise<FetchResult<A>>;

/** The boundary's RequestControl: `onCancel` is an own property, `signal` a lazy prototype getter. */
class FiberControl implements RequestControl {
  private cancel: ((reason?: unknown) => void) | undefined;
  private controller: AbortController | undefined;
  readonly onCancel = (cancel: (reason?: unknown) => void): void => {
    this.cancel = cancel;
  };
  get signal(): AbortSignal {
    this.controller ??= new AbortController();
    return this.controller.signal;
  }
  abort(): void {
    this.cancel?.();
    this.controller?.abort();
  }
}

/**
 * A failure to encode the request on this machine, before anything was sent: a lone UTF-16 surrogate cannot be
 * put in a URL (URIError), a body nested thousands deep overflows the serializer (RangeError). The caller's
 * input is at fault, so it is InvalidInput — never a retried Transport failure advising to check connectivity.
 */
const localEncodingProblem = (cause: unknown): string | undefined => {
  let cur: unknown = cause;
  for (let i = 0; i < 4 && typeof cur === "object" && cur !== null; i++) {
    if (cur instanceof URIError) return "a value contains text that cannot be encoded in a URL (a lone UTF-16 surrogate); remove or replace that character";
    if (cur instanceof RangeError && /call stack/i.test(cur.message)) return "the request body is nested too deeply to encode; send a flatter body";
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
};

// By core's brand (any copy of core), not by the `name` string any error may carry.
const isInputError = (u: unknown): u is FrontInputError => isFrontError(u, "FrontInputError");

/** Maps a rejection of the call (no HTTP answer, or core refusing the input) to its typed error. */
const thrownError = (operation: string, cause: unknown, idempotent: boolean, scrub: (text: string) => string): FrontToolError => {
  if (isInputError(cause)) return invalidInput([{ path: cause.field, message: scrub(cause.message) }], { operation });
  const local = localEncodingProblem(cause);
  if (local !== undefined) return invalidInput([{ path: "input", message: local }], { operation });
  return errorFromThrown(operation, cause, idempotent, scrub);
};

/**
 * The exchange of one service: `Effect.callback` and core's `onCancel` rather than `tryPromise` and an
 * AbortSignal — interruption cancels the request either way, and no signal or listener is made per call.
 */
export const makeExchange =
  (client: FrontClient, scrub: (text: string) => string) =>
  <A>(operation: string, call: FrontCall<A>, idempotent: boolean): Effect.Effect<FetchResult<A>, FrontToolError> =>
    Effect.callback<FetchResult<A>, FrontToolError>((resume) => {
      const control = new FiberControl();
      let pending: Promise<FetchResult<A>>;
      try {
        pending = call(client, control);
      } catch (cause) {
        resume(Effect.fail(thrownError(operation, cause, idempotent, scrub)));
        return;
      }
      pending.then(
        (result) => resume(Effect.succeed(result)),
        (cause: unknown) => resume(Effect.fail(thrownError(operation, cause, idempotent, scrub))),
      );
      return Effect.sync(() => control.abort());
    });
