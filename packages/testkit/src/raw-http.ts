/**
 * Sends hand-written HTTP bytes to a server on 127.0.0.1 and returns what it answered. fetch cannot send what
 * hostile clients send (two Authorization headers, a body that stalls mid-way), so hardening tests need this.
 */
import { connect } from "node:net";

/** Writes `text` to `url`'s port on 127.0.0.1; resolves with the bytes answered once the server closes or after `waitMs`. */
export const rawHttpExchange = (url: string, text: string, waitMs = 2_000): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(url).port), "127.0.0.1");
    let out = "";
    // Bounded: a server that neither answers nor closes is cut at waitMs.
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(out);
    }, waitMs);
    socket.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
    });
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(out);
    });
    socket.on("error", (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    });
    socket.write(text);
  });
