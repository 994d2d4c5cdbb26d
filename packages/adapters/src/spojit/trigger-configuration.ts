import { issuesOf } from "@frontkit/tools";
import { Result, Schema } from "effect";
import { spojitError } from "./error-mapping.js";
import type { SpojitError } from "./result.js";
import { triggerNames, type TriggerConfiguration, type TriggerSpec, triggerSpecsByName } from "./triggers.js";

// Unknown fields are refused, not ignored: a misspelt `inboxIds` must not silently mean "every inbox".
const decodeOptions = { errors: "all", onExcessProperty: "error" } as const;

const decoders = new WeakMap<TriggerSpec, (input: unknown) => Result.Result<TriggerConfiguration, Schema.SchemaError>>();

/** A trigger and its decoded configuration, or the Spojit error saying what to fix. */
export type ResolvedTrigger =
  | { readonly ok: true; readonly spec: TriggerSpec; readonly configuration: TriggerConfiguration }
  | { readonly ok: false; readonly error: SpojitError };

/**
 * Looks the trigger up and decodes its configuration against the same schema the definition
 * publishes. A missing configuration is an empty one (every field of most triggers is optional).
 */
export const resolveTrigger = (trigger: unknown, configuration: unknown): ResolvedTrigger => {
  const spec = typeof trigger === "string" ? triggerSpecsByName.get(trigger) : undefined;
  if (spec === undefined) {
    const shown = typeof trigger === "string" ? `"${trigger.slice(0, 80)}"` : "missing";
    return {
      ok: false,
      error: spojitError("UNKNOWN_TRIGGER", { message: `Unknown trigger (${shown}); use one of: ${triggerNames.join(", ")}.` }),
    };
  }
  let decode = decoders.get(spec);
  if (decode === undefined) {
    decode = Schema.decodeUnknownResult(spec.configuration, decodeOptions);
    decoders.set(spec, decode);
  }
  const decoded = decode(configuration === undefined || configuration === null ? {} : configuration);
  if (Result.isSuccess(decoded)) return { ok: true, spec, configuration: decoded.success };
  const issues = issuesOf(decoded.failure.issue).map((issue) => ({
    path: issue.path === "" ? "configuration" : `configuration.${issue.path}`,
    message: issue.message,
  }));
  return {
    ok: false,
    error: spojitError("INVALID_INPUT", {
      message: `The ${spec.name} trigger's configuration is invalid; fix the fields listed in issues.`,
      issues,
    }),
  };
};
