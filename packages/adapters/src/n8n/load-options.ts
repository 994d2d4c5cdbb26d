/** Dropdowns loaded from Front: inboxes, tags, teammates and channels. */
import type { ILoadOptionsFunctions, INodePropertyOptions } from "n8n-workflow";
import { NodeOperationError } from "n8n-workflow";
import { FRONT_CREDENTIAL_NAME } from "./credentials.js";
import { summarizeFailure } from "./errors.js";
import { type FrontNodeOptions, openSession } from "./session.js";

type Row = Record<string, unknown>;

const rows = (output: unknown, key: string): Row[] => {
  const list = typeof output === "object" && output !== null ? (output as Row)[key] : undefined;
  return Array.isArray(list) ? list.filter((r): r is Row => typeof r === "object" && r !== null) : [];
};

const text = (u: unknown): string | undefined => (typeof u === "string" && u.trim() !== "" ? u : undefined);

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

async function load(
  ctx: ILoadOptionsFunctions,
  options: FrontNodeOptions,
  fetchRows: (invoke: (name: string, input: unknown) => Promise<unknown>) => Promise<INodePropertyOptions[]>,
): Promise<INodePropertyOptions[]> {
  const credentials = await ctx.getCredentials(FRONT_CREDENTIAL_NAME);
  let session: ReturnType<typeof openSession> | undefined;
  try {
    session = openSession(credentials, options);
    const tools = session.tools;
    return (await fetchRows((name, input) => tools.invoke(name, input))).sort(byName);
  } catch (error) {
    const summary = summarizeFailure(error, session?.redact ?? []);
    throw new NodeOperationError(ctx.getNode(), summary.message, summary.description !== undefined ? { description: summary.description } : {});
  } finally {
    session?.release();
  }
}

/** The loadOptions methods of the node. */
export const loadOptionsMethods = (options: FrontNodeOptions = {}) => ({
  async getInboxes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
    return load(this, options, async (invoke) =>
      rows(await invoke("list-inboxes", {}), "inboxes").flatMap((r) => {
        const id = text(r["id"]);
        return id === undefined ? [] : [{ name: text(r["name"]) ?? id, value: id }];
      }),
    );
  },
  async getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
    return load(this, options, async (invoke) =>
      rows(await invoke("list-tags", {}), "tags").flatMap((r) => {
        const id = text(r["id"]);
        const description = text(r["description"]);
        return id === undefined ? [] : [{ name: text(r["name"]) ?? id, value: id, ...(description !== undefined ? { description } : {}) }];
      }),
    );
  },
  async getTeammates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
    return load(this, options, async (invoke) =>
      rows(await invoke("list-teammates", {}), "teammates").flatMap((r) => {
        const id = text(r["id"]);
        const fullName = [text(r["first_name"]), text(r["last_name"])].filter((p) => p !== undefined).join(" ");
        const email = text(r["email"]);
        return id === undefined ? [] : [{ name: fullName || email || id, value: id, ...(email !== undefined ? { description: email } : {}) }];
      }),
    );
  },
  async getChannels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
    // No channel tool exists; the raw request tool still goes through the shared limiter and typed errors.
    return load(this, options, async (invoke) => {
      const output = await invoke("raw-api-request", { method: "GET", path: "/channels" });
      const body = typeof output === "object" && output !== null && "body" in output ? (output as Row)["body"] : output;
      return rows(body, "_results").flatMap((r) => {
        const id = text(r["id"]);
        const address = text(r["address"]);
        const label = text(r["name"]) ?? address ?? id;
        return id === undefined ? [] : [{ name: `${label ?? id} (${text(r["type"]) ?? "channel"})`, value: id, ...(address !== undefined ? { description: address } : {}) }];
      });
    });
  },
});
