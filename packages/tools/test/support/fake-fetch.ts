/** A scripted fake `fetch` for unit tests: each call gets the next scripted answer; every request is recorded. */
import { Clock, Effect } from "effect";

/** One recorded request. */
export interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: string | undefined;
  readonly signal: AbortSignal;
}

/** An answer: a Response to return, an error to throw, or a function deciding per request. */
export type Answer = Response | Error | ((req: Request, index: number) => Response | Error | Promise<Response>);

/** JSON response with Front-ish headers. */
export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });

/** Front's error body. */
export const frontError = (status: number, message: string, headers: Record<string, string> = {}, details?: string[]) =>
  json(status, { _error: { status, title: `HTTP ${status}`, message, ...(details ? { details } : {}) } }, headers);

/** A fetch failure like undici's: TypeError("fetch failed") with a coded cause. */
export const networkError = (code: string): Error => Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(code), { code }) });

/** Creates a fake fetch answering with `script` in order (the last answer repeats). */
export const fakeFetch = (script: ReadonlyArray<Answer>) => {
  const requests: Recorded[] = [];
  const fetch = async (req: Request): Promise<Response> => {
    const index = requests.length;
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : await req.clone().text();
    requests.push({ method: req.method, url: req.url, headers: req.headers, body, signal: req.signal });
    const answer = script[Math.min(index, script.length - 1)];
    if (answer === undefined) throw new Error("fake fetch: no scripted answer");
    const resolved = typeof answer === "function" ? await answer(req, index) : answer;
    if (resolved instanceof Error) throw resolved;
    // A Response body can be read once: hand out a copy so a repeated answer works.
    return resolved.clone();
  };
  return { fetch, requests };
};

/** Lets pending promises (the fake fetch) settle between TestClock adjustments. */
export const settle = Effect.promise(() => new Promise<void>((resolve) => setTimeout(resolve, 1)));

/** Current (test) time in ms. */
export const now = Clock.currentTimeMillis;
