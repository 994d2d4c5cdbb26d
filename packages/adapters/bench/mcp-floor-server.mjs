// The floor for the MCP benchmarks: a bare MCP SDK server with one tool, started exactly like frontkit-mcp
// (node <file>). Its tool, `fetch`, GETs FLOOR_FETCH_URL with FLOOR_TOKEN as bearer and returns the body as text:
// the least a Front tool can do. Without FLOOR_FETCH_URL the tool echoes its `text` argument (no network).
//
//   stdio (default), or `--http <port>`: Streamable HTTP, stateless, one server per POST, like frontkit-mcp --http.
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";

const url = process.env.FLOOR_FETCH_URL;
const token = process.env.FLOOR_TOKEN ?? "";

const makeServer = (bearer) => {
  const server = new Server({ name: "floor", version: "1.0.0" }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: [{ name: "fetch", description: "Fetches the configured URL.", inputSchema: { type: "object", properties: { text: { type: "string" } } } }],
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    if (url === undefined) return { content: [{ type: "text", text: String(request.params.arguments?.text ?? "") }] };
    const response = await fetch(url, { headers: { authorization: `Bearer ${bearer}`, accept: "application/json" } });
    return { content: [{ type: "text", text: await response.text() }], isError: !response.ok };
  });
  return server;
};

const httpAt = process.argv.indexOf("--http");
if (httpAt < 0) {
  await makeServer(token).connect(new StdioServerTransport());
} else {
  const { createServer } = await import("node:http");
  const { StreamableHTTPServerTransport } = await import("@modelcontextprotocol/sdk/server/streamableHttp.js");
  const port = Number(process.argv[httpAt + 1] ?? 0);
  const http = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      try {
        const bearer = /^Bearer (.+)$/u.exec(req.headers.authorization ?? "")?.[1] ?? token;
        const server = makeServer(bearer);
        const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }); // as frontkit-mcp --http: stateless, SSE answers
        res.on("close", () => {
          void transport.close();
          void server.close();
        });
        await server.connect(transport);
        await transport.handleRequest(req, res, JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch (error) {
        if (!res.headersSent) res.writeHead(500).end(String(error));
      }
    });
  });
  http.listen(port, "127.0.0.1", () => process.stderr.write(`floor listening on http://127.0.0.1:${http.address().port}/mcp\n`));
  const stop = () => http.close(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
