/**
 * The host side of credentials, as small as n8n-core needs: decrypted data by type, and
 * a generic `authenticate` that resolves the credential type's expressions
 * (`=Bearer {{$credentials.token}}`) with n8n's own expression engine.
 */
import type {
  ICredentialDataDecryptedObject,
  ICredentials,
  ICredentialType,
  IHttpRequestOptions,
  INode,
  INodeProperties,
  IRequestOptionsSimplified,
  Workflow,
} from "n8n-workflow";
import { n8nWorkflow } from "./n8n-workflow.js";

type Bag = Record<string, unknown>;

/** Credentials of the test workflow, resolved the way n8n's CredentialsHelper does. */
export class TestCredentialsHelper extends n8nWorkflow.ICredentialsHelper {
  constructor(
    private readonly types: Readonly<Record<string, ICredentialType>>,
    private readonly data: Readonly<Record<string, ICredentialDataDecryptedObject>>,
  ) {
    super();
  }

  getParentTypes(): string[] {
    return [];
  }

  isCredentialUsableByNode(): boolean {
    return true;
  }

  async authenticate(
    credentials: ICredentialDataDecryptedObject,
    typeName: string,
    requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
    workflow?: Workflow,
    node?: INode,
  ): Promise<IHttpRequestOptions> {
    const type = this.types[typeName];
    const auth = type?.authenticate;
    const options = requestOptions as IHttpRequestOptions;
    if (auth === undefined) return options;
    if (typeof auth === "function") return auth(credentials, options);
    if (workflow === undefined || node === undefined) throw new Error("generic authenticate needs the workflow and node");
    const resolve = (value: unknown): unknown =>
      typeof value === "string" && value.startsWith("=")
        ? workflow.expression.getParameterValue(value, null, 0, 0, node.name, [], "internal", { $credentials: credentials }, undefined, false, credentials)
        : value;
    const out = options as unknown as Bag;
    for (const [section, entries] of Object.entries(auth.properties as Bag)) {
      const target = (out[section] as Bag | undefined) ?? {};
      for (const [key, value] of Object.entries(entries as Bag)) target[key] = resolve(value);
      out[section] = target;
    }
    return options;
  }

  async preAuthentication(): Promise<undefined> {
    return undefined;
  }

  async runPreAuthentication(): Promise<undefined> {
    return undefined;
  }

  async getCredentials(): Promise<ICredentials> {
    throw new Error("getCredentials is not used by these tests (getDecrypted is)");
  }

  async getDecrypted(_additionalData: unknown, _nodeCredentials: unknown, type: string): Promise<ICredentialDataDecryptedObject> {
    const data = this.data[type];
    if (data === undefined) throw new Error(`no test credentials of type ${type}`);
    return { ...data };
  }

  async updateCredentials(): Promise<void> {}

  async updateCredentialsOauthTokenData(): Promise<void> {}

  getCredentialsProperties(type: string): INodeProperties[] {
    return this.types[type]?.properties ?? [];
  }
}
