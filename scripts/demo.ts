/**
 * `npm start`: the main job on the embedded default. Without FRONT_API_TOKEN it starts a Front mock (Prism, from
 * the corrected spec, on 127.0.0.1) and makes a few typed calls against it; with FRONT_API_TOKEN it makes the
 * same read-only calls against your Front company (FRONT_API_BASE_URL optional). It prints what came back.
 */
import { createFrontClient } from "@frontkit/core";
import { startPrism, type PrismServer } from "@frontkit/testkit";
import { createFrontTools, isFrontToolError } from "@frontkit/tools";

const realToken = process.env.FRONT_API_TOKEN?.trim();

const line = (label: string, value: unknown) =>
  console.log(`  ${label.padEnd(22)} ${typeof value === "string" ? value : JSON.stringify(value)}`);

async function main() {
  let prism: PrismServer | undefined;
  try {
    let token: string;
    let baseUrl: string | undefined;
    if (realToken) {
      token = realToken;
      baseUrl = process.env.FRONT_API_BASE_URL;
      console.log(`frontkit demo: read-only calls to ${baseUrl ?? "https://api2.frontapp.com"}`);
    } else {
      console.log("frontkit demo: no FRONT_API_TOKEN, so starting the Front mock (Prism, corrected spec)…");
      prism = await startPrism();
      token = "frontkit-demo-token";
      baseUrl = prism.url;
      console.log(`  mock listening on ${prism.url}`);
    }

    // The typed client of @frontkit/core: paths, params and results typed from Front's spec.
    const client = createFrontClient({ token, ...(baseUrl ? { baseUrl } : {}) });
    const me = await client.GET("/me");
    console.log("\n@frontkit/core — GET /me");
    line("status", me.response.status);
    line("token name", me.data?.name ?? "(none)");

    // The tools of @frontkit/tools, through the Promise facade.
    const front = createFrontTools({ token, ...(baseUrl ? { baseUrl } : {}) });
    try {
      console.log("\n@frontkit/tools");
      const { inboxes } = await front.invoke("list-inboxes", {});
      line("list-inboxes", inboxes.map((i) => `${i.id} ${i.name ?? ""}`).slice(0, 3));
      const { tags } = await front.invoke("list-tags", {});
      line("list-tags", tags.map((t) => `${t.id} ${t.name}`).slice(0, 3));
      const { teammates } = await front.invoke("list-teammates", {});
      line("list-teammates", teammates.map((t) => t.email ?? t.id).slice(0, 3));
      const { data, meta } = await front.invokeDetailed("list-conversations", { statuses: ["unassigned"], limit: 5 });
      line("list-conversations", data.conversations.map((c) => `${c.id} ${c.subject ?? ""}`).slice(0, 3));
      line("rate limit", meta.rateLimit);
      // A call from outside (an LLM, a form, JSON) is checked before any request, with every problem and its path.
      const fromOutside = JSON.parse('{"name":"add-tag","input":{"conversation_id":"","tag_ids":[42]}}') as { name: string; input: unknown };
      await front.invoke(fromOutside.name, fromOutside.input).catch((error: unknown) => {
        if (!isFrontToolError(error)) throw error;
        line("add-tag (bad input)", `${error._tag}: ${error.message}`);
      });
    } finally {
      await front.dispose();
    }
    console.log("\nDone. `npm test` runs every test; see README.md for the MCP server, Spojit and n8n.");
  } finally {
    await prism?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`frontkit demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
