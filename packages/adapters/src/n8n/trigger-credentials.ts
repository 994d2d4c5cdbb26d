/** The `Front Webhook` credential type: the secret Front signs webhook deliveries with. */
import type { ICredentialDataDecryptedObject, ICredentialType, INodeProperties } from "n8n-workflow";

/** Name the Front Trigger node refers to the webhook credential by. */
export const FRONT_WEBHOOK_CREDENTIAL_NAME = "frontWebhookApi";

/**
 * The signing secret of one Front webhook. A credential of its own rather than a field on
 * `Front API`: a webhook needs no API token (n8n never calls Front in webhook mode), and an
 * application webhook's secret belongs to one app, not to the token's company.
 */
export class FrontWebhookApi implements ICredentialType {
  name = FRONT_WEBHOOK_CREDENTIAL_NAME;

  displayName = "Front Webhook";

  documentationUrl = "https://dev.frontapp.com/docs/webhooks-1";

  icon = "file:front.svg" as const;

  properties: INodeProperties[] = [
    {
      displayName: "Signing Secret",
      name: "secret",
      type: "string",
      typeOptions: { password: true },
      default: "",
      required: true,
      description:
        "The secret Front signs deliveries with. Application webhook: the app's signing key (Front settings → Developers → your app). Rule webhook: your company's API secret. n8n only checks X-Front-Signature with it; it is never sent anywhere.",
    },
  ];
}

/** The secret of a `Front Webhook` credential object (empty string when absent). */
export const webhookSecretOf = (credentials: ICredentialDataDecryptedObject): string =>
  typeof credentials["secret"] === "string" ? credentials["secret"].trim() : "";
