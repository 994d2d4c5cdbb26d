/** The `Front API` credential type of the n8n node. */
import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from "n8n-workflow";

/** Front's public API host, used when the credential leaves Base URL empty. */
export const DEFAULT_FRONT_BASE_URL = "https://api2.frontapp.com";

/** Name the node refers to the credential by. */
export const FRONT_CREDENTIAL_NAME = "frontApi";

/** Front API credentials: an API token and an optional base URL. */
export class FrontApi implements ICredentialType {
  name = FRONT_CREDENTIAL_NAME;

  displayName = "Front API";

  documentationUrl = "https://dev.frontapp.com/docs/create-and-revoke-api-tokens";

  icon = "file:front.svg" as const;

  properties: INodeProperties[] = [
    {
      displayName: "API Token",
      name: "token",
      type: "string",
      typeOptions: { password: true },
      default: "",
      required: true,
      description:
        "A Front API token (Settings → Developers → API Tokens). It acts with the access of the teammate who created it.",
    },
    {
      displayName: "Base URL",
      name: "baseUrl",
      type: "string",
      default: "",
      placeholder: DEFAULT_FRONT_BASE_URL,
      description: "Leave empty for Front's API. Set it only to route calls through a proxy you run (https).",
    },
  ];

  // n8n applies this to the credential test and to any request a node sends with
  // httpRequestWithAuthentication; the token never appears in a parameter or output.
  authenticate: IAuthenticateGeneric = {
    type: "generic",
    properties: {
      headers: {
        Authorization: "=Bearer {{$credentials.token}}",
      },
    },
  };

  // GET /me is the cheapest authenticated call: it answers 200 for any valid token.
  test: ICredentialTestRequest = {
    request: {
      baseURL: `={{ ($credentials.baseUrl || "${DEFAULT_FRONT_BASE_URL}").replace(/\\/+$/, "") }}`,
      url: "/me",
      method: "GET",
    },
  };
}
