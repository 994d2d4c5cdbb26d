import type { Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A test server listening on 127.0.0.1 whose `stop()` is idempotent and also ends open (kept-alive or held) sockets. */
export interface LoopbackListener {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 (a free port unless one is given) and tracks every socket, so stopping never waits on a
 * keep-alive connection or on a request a fault deliberately left unanswered.
 */
export const listenOnLoopback = async (server: Server, port = 0): Promise<LoopbackListener> => {
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolveListen());
  });
  const bound = (server.address() as AddressInfo).port;
  let stopping: Promise<void> | undefined;
  return {
    port: bound,
    url: `http://127.0.0.1:${bound}`,
    stop: () => {
      stopping ??= new Promise<void>((resolveStop) => {
        server.close(() => resolveStop());
        for (const socket of sockets) socket.destroy();
        sockets.clear();
      });
      return stopping;
    },
  };
};
