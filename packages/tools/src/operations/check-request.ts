/**
 * Checks a raw request against its operation's schemas from the corrected spec, before anything is sent.
 *
 * Strict where the spec is explicit: types, enums, required fields, maxima (`limit` ≤ 100, ≤ 15 on /events), and
 * the query parameters an operation declares (an unknown one is a typo Front would silently ignore). Lenient where
 * Front is: body objects may carry keys the spec does not list, because the spec never declares them closed, its
 * bodies are built with allOf (where "no other keys" cannot be said per part), and Front ignores keys it does not
 * read — refusing them would block calls Front accepts.
 */
import * as bodyValidators from "../generated/body-validators.js";
import * as paramsValidators from "../generated/params-validators.js";
import type { InputIssue } from "../errors.js";
import type { ApiOperation } from "./catalogue.js";
import type { SpecValidationError, SpecValidator } from "./validator-types.js";

/** What a raw request carries besides its method and path. */
export interface OperationRequest {
  /** Path parameters from the matched template, percent-decoded. */
  readonly path: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, unknown>> | undefined;
  readonly body?: unknown;
}

const MAX_ISSUES = 12;

const validators = (names: Readonly<Record<string, unknown>>, name: string): SpecValidator => {
  const v = names[name];
  if (typeof v !== "function") throw new Error(`check-request: no generated validator ${name}; rebuild @frontkit/tools`);
  return v as SpecValidator;
};

// `/query/q/statuses/0` → `query.q.statuses[0]`
const dotted = (prefix: string, pointer: string): string =>
  pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((at, part) => (/^\d+$/u.test(part) ? `${at}[${part}]` : at === "" ? part : `${at}.${part}`), prefix);

const describe = (error: SpecValidationError, operation: ApiOperation, where: string): InputIssue => {
  const params = error.params;
  switch (error.keyword) {
    case "required":
      return { path: dotted(where, `${error.instancePath}/${String(params["missingProperty"])}`), message: "is required" };
    case "additionalProperties": {
      const key = String(params["additionalProperty"]);
      const parent = dotted(where, error.instancePath);
      const known = parent === "query" ? operation.parameters.filter((p) => p.in === "query").map((p) => p.name) : [];
      return {
        path: `${parent}.${key}`,
        message:
          parent === "query"
            ? `is not a query parameter of ${operation.method} ${operation.path}; ${known.length === 0 ? "it takes none" : `it takes: ${known.join(", ")}`}`
            : "is not allowed here",
      };
    }
    case "enum":
      return {
        path: dotted(where, error.instancePath),
        message: `must be one of ${(params["allowedValues"] as ReadonlyArray<unknown>).map((v) => JSON.stringify(v)).join(", ")}`,
      };
    default:
      return { path: dotted(where, error.instancePath), message: error.message ?? `fails ${error.keyword}` };
  }
};

const collect = (validate: SpecValidator, data: unknown, operation: ApiOperation, where: string): ReadonlyArray<InputIssue> => {
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => describe(e, operation, where));
};

const unique = (issues: ReadonlyArray<InputIssue>): ReadonlyArray<InputIssue> => {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** Every problem of a raw request against its operation (empty when it may be sent); never sends anything. */
export const checkOperationRequest = (operation: ApiOperation, request: OperationRequest): ReadonlyArray<InputIssue> => {
  // The validators coerce text to the declared types in place ("50" → 50): they work on a copy.
  const params = structuredClone({ path: { ...request.path }, query: { ...request.query } });
  const issues: InputIssue[] = [...collect(validators(paramsValidators, operation.validators.params), params, operation, "")];
  const bodyName = operation.validators.body;
  if (request.body === undefined) {
    if (operation.bodyRequired === true) issues.push({ path: "body", message: `is required by ${operation.method} ${operation.path}` });
  } else if (bodyName === undefined) {
    issues.push({ path: "body", message: `${operation.method} ${operation.path} takes no body${operation.method === "GET" ? "; pass parameters in query" : ""}` });
  } else {
    issues.push(...collect(validators(bodyValidators, bodyName), request.body, operation, "body"));
  }
  const listed = unique(issues);
  return listed.length <= MAX_ISSUES ? listed : [...listed.slice(0, MAX_ISSUES), { path: "", message: `and ${listed.length - MAX_ISSUES} more problems` }];
};
