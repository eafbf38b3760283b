/**
 * Building blocks of the OpenAPI document (worker/openapi.ts): responses, headers and parameters
 * that many operations share, so each operation states only what is its own. `withCommonResponses`
 * adds what every operation can answer (414 from the URL limit, 405 for other methods, 500) so a
 * route added later cannot forget them; test/contract/ checks every answer against the result.
 */
import { AUDIT_OPTION_NAMES, BACKGROUND_PATTERN, OPTION_NAMES, type OptionName, OPTIONS, type OptionSpec } from "../core/index.ts";

export type Schema = Record<string, unknown>;

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
export const text = { type: "string" };

/** Response headers, declared wherever the server sends them. */
export const HEADERS = {
  ETag: {
    description: "Strong validator over the version, the format and the validated request; send it back in If-None-Match.",
    schema: { type: "string", pattern: '^"[A-Za-z0-9_-]{43}"$' },
  },
  Vary: {
    description: "`Accept` when the Accept header chose the format or the media type.",
    schema: { type: "string", enum: ["Accept"] },
  },
  CacheControl: { description: "How long shared caches may keep the answer.", schema: text },
  Allow: { description: "The methods this path takes.", schema: text },
};

const cached = { ETag: HEADERS.ETag, "Cache-Control": HEADERS.CacheControl };

/** A problem response: RFC 9457 JSON, or an error card (SVG, or PNG when PNG was asked for) when the client asked for an image. */
export const problem = (description: string, headers: Schema = {}): Schema => ({
  description,
  headers: { Vary: HEADERS.Vary, ...headers },
  content: {
    "application/problem+json": { schema: ref("Problem") },
    "image/svg+xml": {
      schema: {
        ...text,
        description: "An SVG error card, when the client asked for an image (Accept image/*, an .svg path or ?format=svg).",
      },
    },
    "image/png": {
      schema: {
        ...text,
        format: "binary",
        description: "The same error card as a PNG, when the client asked for PNG (a .png path, ?format=png).",
      },
    },
  },
});

/** A successful answer in the given media types, with the caching headers every generated answer carries. */
export const ok = (description: string, content: Schema, headers: Schema = cached): Schema => ({
  description,
  headers: { ...headers, Vary: HEADERS.Vary },
  content,
});
export const NOT_MODIFIED = {
  "304": { description: "Not modified: If-None-Match matched the ETag (GET and HEAD).", headers: { ...cached, Vary: HEADERS.Vary } },
};
/** Kept for operations written before the helpers above. */
export const CACHED = NOT_MODIFIED;

export const ERRORS = {
  "400": problem("Unreadable request: not JSON/YAML, bad base64url or deflate."),
  "406": problem("Unknown format (`?format=`, path or extension) or an Accept header naming none of the offered types."),
  "422": problem(
    "Invalid topology, scenario or options; `errors` lists every issue with its path. Besides what " +
      "the schema states, names must be unique " +
      "(case-insensitively) and references must resolve: servers' sites, namespaces' servers, users' " +
      "mailboxes, the scenario's user (codes DUPLICATE, REFERENCE, ROLE, VERSION_MIX, CONFLICT).",
  ),
};
export const BODY_ERRORS = { "413": problem("Body over the limit."), "415": problem("Unsupported Content-Type.") };

const EMPTY_IS_UNSET = " An empty value (`?name=`) is the same as leaving the parameter out.";

/** A query parameter; `values` become an enum (plus "", the documented empty = unset). */
export const query = (name: string, description: string, values?: readonly string[], schema?: Schema): Schema => ({
  name,
  in: "query",
  required: false,
  description: description + EMPTY_IS_UNSET,
  schema: values ? { type: "string", enum: [...values, ""] } : (schema ?? text),
});

const BODY_WINS = " A value in the body's `options` wins over this.";

/** One query parameter per option of the core's option table, with its values and help. */
function optionParam(name: OptionName): Schema {
  const spec: OptionSpec = OPTIONS[name];
  const help = `${spec.help}${spec.defaultHelp ? ` Default: ${spec.defaultHelp}.` : ""}${BODY_WINS}`;
  if (spec.kind === "color")
    return query(name, help, undefined, { type: "string", maxLength: 80, pattern: `^(?:${BACKGROUND_PATTERN.slice(1, -1)})?$` });
  if (spec.kind === "list") {
    const item = spec.values ? `(?:${spec.values.join("|")})` : undefined;
    const schema = item ? { type: "string", pattern: `^(?:${item}(?:,${item})*)?$` } : { type: "string", maxLength: 4096 };
    return query(name, `${help} Comma-separated.`, undefined, schema);
  }
  return query(name, help, spec.values?.map(String));
}

export const OPTION_PARAMS = OPTION_NAMES.map(optionParam);
/** The audit's scope (`users`, `protocols`). */
export const SCOPE_PARAMS = AUDIT_OPTION_NAMES.filter((n) => OPTIONS[n].use === "scope").map(optionParam);

const MERMAID = "Mermaid text: a sequenceDiagram, or a flowchart for the map view.";
export const FLOW_CONTENT = {
  "application/json": { schema: ref("FlowResponse") },
  "image/svg+xml": { schema: text },
  "image/png": {
    schema: {
      type: "string",
      format: "binary",
      description: "The SVG rasterized by resvg with the bundled Liberation Sans, `scale` PNG pixels per SVG pixel (default 1).",
    },
  },
  "text/vnd.mermaid": { schema: { ...text, description: MERMAID } },
  "text/plain": {
    schema: { ...text, description: `${MERMAID} Sent as text/plain when Accept asks for it (browsers then show it inline).` },
  },
  "text/markdown": { schema: text },
};

export const AUDIT_CONTENT = {
  "application/json": { schema: ref("Audit") },
  "text/markdown": { schema: text },
  "text/csv": {
    schema: {
      ...text,
      description:
        "One line per user x protocol x client location; columns user, mailbox, version, site, protocol, " +
        "client, host, outcome, steps, rules, diagnostics, note.",
    },
  },
};

const COMMON = {
  "405": problem("Method not allowed on this path; `Allow` lists the methods it takes.", { Allow: HEADERS.Allow }),
  "414": problem("URL over the limit: send the request with POST instead."),
  "500": problem("Internal error (a bug); quote the request id when reporting it."),
};

/** Every operation of `paths` gets the responses any request can meet, unless it states its own. */
export function withCommonResponses(paths: Record<string, Record<string, Schema>>): Record<string, Record<string, Schema>> {
  for (const item of Object.values(paths)) {
    for (const op of Object.values(item)) {
      const responses = (op.responses ?? {}) as Record<string, Schema>;
      op.responses = { ...responses, ...Object.fromEntries(Object.entries(COMMON).filter(([status]) => !(status in responses))) };
    }
  }
  return paths;
}
