/** A local stand-in for a third-party HTTP endpoint (Slack webhook, chat completions) on 127.0.0.1. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request the stand-in received. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}

/** A running stand-in. */
export interface HttpSink {
  readonly url: string;
  readonly received: ReceivedRequest[];
  stop(): Promise<void>;
}

/** Starts a server that records every request and answers with `answer` (default 200 "ok"). */
export const startHttpSink = async (
  answer: (request: ReceivedRequest, response: ServerResponse) => void = (_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end("ok"),
): Promise<HttpSink> => {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const request = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(request);
      answer(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
