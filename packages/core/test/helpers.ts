// A fake fetch for unit tests: records every request (URL, method, headers, body text) and answers from a handler.
export interface Recorded {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string;
  readonly request: Request;
}

export type Handler = (request: Request, index: number) => Response | Promise<Response>;

export const fakeFetch = (handler: Handler) => {
  const calls: Recorded[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const copy = request.clone();
    calls.push({
      url: request.url,
      method: request.method,
      headers: new Headers(request.headers),
      body: copy.body ? await copy.text() : "",
      request,
    });
    return handler(request, calls.length - 1);
  };
  return { fetch, calls };
};

export const json = (body: unknown, init: ResponseInit = {}): Response =>
  new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { "content-type": "application/json", ...(init.headers as Record<string, string> | undefined) },
  });

export const TOKEN = "tok_s3cr3t-VALUE-never-printed";
