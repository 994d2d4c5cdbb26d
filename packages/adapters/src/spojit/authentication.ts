import type { SpojitAuthentication } from "./connector-types.js";

/** Front's public API host; the executor uses it when a connection leaves the base URL empty. */
export const FRONT_DEFAULT_BASE_URL = "https://api2.frontapp.com";

/** Authentication by Front API token, with the setup steps a workspace admin follows. */
export const frontAuthentication: SpojitAuthentication = {
  type: "api_token",
  header: { name: "Authorization", prefix: "Bearer " },
  fields: [
    {
      key: "token",
      label: "API token",
      type: "secret",
      required: true,
      description:
        "A Front API token (Settings → Developers → API tokens). It is sent only to the base URL, as a bearer token, and never appears in results or logs.",
      placeholder: "eyJhbGciOi…",
    },
    {
      key: "baseUrl",
      label: "Base URL",
      type: "url",
      required: false,
      description:
        "Leave empty for Front's API (https://api2.frontapp.com). Set it only to route through a proxy you control; every request goes to this host and no other. Must be https:// (http:// only for localhost).",
      placeholder: FRONT_DEFAULT_BASE_URL,
      default: FRONT_DEFAULT_BASE_URL,
    },
  ],
  setupSteps: [
    "In Front, go to Settings → Developers and open the API Tokens tab (only company admins can create tokens).",
    "Click Create API token and give it a descriptive name, e.g. \"Spojit – support automations\", so you can tell later where it is used.",
    "Choose what the token may reach: the shared resources namespace covers team inboxes, conversations, tags and contacts; add private resources only if workflows must read teammates' individual inboxes.",
    "Copy the token and paste it into the API token field of the Spojit connection, then save. Spojit stores it encrypted.",
    "Check the connection by running list-inboxes in Direct mode: a list of your inboxes means the token works.",
  ],
  notes: [
    "The token inherits the access of the teammate who created it: a workflow can see and change only what that teammate could.",
    "When that teammate leaves or loses access, rotate: create a new token (by a current admin), update the connection, then delete the old token in Front.",
    "Rate limits are per Front company (50–200 requests per minute by plan) and shared by every token of the company, including other integrations.",
  ],
};
