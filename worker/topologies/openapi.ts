/**
 * The saved-topology operations of the OpenAPI document (worker/openapi.ts spreads them into its
 * paths). The shared pieces (problem responses, option parameters, flow and audit content) are
 * passed in so both parts describe them once.
 */
import { LATEST_MAX_AGE_S, MAX_VERSIONS, MAX_WRITES_PER_WINDOW, VERSION_MAX_AGE_S, WRITE_WINDOW_MS } from "./limits.ts";

type Schema = Record<string, unknown>;

export interface SharedParts {
  problem: (description: string) => Schema;
  ref: (name: string) => Schema;
  optionParams: Schema[];
  /** The hybrid scenario fields a flow URL takes from the query (`kind`, `target`, `app`). */
  hybridParams: Schema[];
  /** The audit scope (`users`, `protocols`) and the 413 an audit over the row bound gets. */
  scopeParams: Schema[];
  auditTooLarge: Schema;
  flowContent: Schema;
  auditContent: Schema;
  cached: Schema;
  errors: Schema;
}

const text = { type: "string" };
const path = (name: string, description: string) => ({ name, in: "path", required: true, description, schema: text });
const ID = path("id", "The topology's id (24 URL-safe characters, from POST /v1/topologies).");
const REF = path(
  "ref",
  "`{id}` for the latest version (cached " +
    LATEST_MAX_AGE_S +
    " s, then revalidated with the ETag) or `{id}@{version}` for a fixed one (never changes; cached " +
    VERSION_MAX_AGE_S / 3600 +
    " h so a DELETE also leaves caches within a day).",
);
const BEARER = [{ bearerToken: [] }];
const query = (name: string, description: string) => ({ name, in: "query", required: false, description, schema: text });

export function topologyPaths(p: SharedParts): Record<string, Schema> {
  const body = {
    required: true,
    content: {
      "application/yaml": { schema: p.ref("Topology") },
      "application/json": {
        schema: { anyOf: [p.ref("Topology"), { type: "object", required: ["topology"], properties: { topology: p.ref("Topology") } }] },
      },
    },
  };
  const written = (description: string) => ({
    description,
    headers: { Location: { schema: text } },
    content: { "application/json": { schema: p.ref("SavedVersion") } },
  });
  const notFound = p.problem(
    "No saved topology with this id or version (the same answer for ids that never existed, were deleted or are malformed).",
  );
  const d1 = p.problem("The store (D1) failed; nothing was changed. Retry-After says when to try again.");
  const auth = {
    "401": p.problem("No `Authorization: Bearer <token>`."),
    "403": p.problem("Not this topology's token; nothing was changed."),
  };
  return {
    "/v1/topologies": {
      post: {
        operationId: "saveTopology",
        summary: "Save a topology: a new id, version 1 and its write token (shown only in this answer)",
        description:
          "Body: the topology as YAML or JSON (bare, as `exflow presets` prints it, or as `{ topology }`), " +
          "validated like every other request. The token is stored only as its SHA-256.",
        requestBody: body,
        responses: {
          "201": written("Saved; the answer carries `token`."),
          ...p.errors,
          "413": p.problem("Body over the limit."),
          "415": p.problem("Unsupported Content-Type."),
          "503": d1,
        },
      },
    },
    "/v1/topologies/{ref}": {
      get: {
        operationId: "getTopology",
        summary: "A saved topology: the latest version or `{id}@{version}`",
        parameters: [REF],
        responses: {
          "200": {
            description: "The topology with its version and creation time",
            content: { "application/json": { schema: p.ref("SavedTopology") } },
          },
          ...p.cached,
          "404": notFound,
          "503": d1,
        },
      },
      put: {
        operationId: "putTopology",
        summary: "Store a new version (append-only)",
        description: [
          "Needs the write token. 201 with the new version; 200 when the body equals the latest version",
          `(nothing stored). Concurrent PUTs all land, as consecutive versions. Limits: ${MAX_VERSIONS}`,
          `versions per id (409), ${MAX_WRITES_PER_WINDOW} writes per id per ${WRITE_WINDOW_MS / 1000} s`,
          "(429 with Retry-After).",
        ].join(" "),
        parameters: [path("ref", "The topology's id (no `@version`).")],
        security: BEARER,
        requestBody: body,
        responses: {
          "200": written("Unchanged: identical to the latest version."),
          "201": written("Stored as a new version."),
          ...p.errors,
          ...auth,
          "404": notFound,
          "409": p.problem("The version limit is reached."),
          "429": p.problem("Too many writes to this id; see Retry-After."),
          "503": d1,
        },
      },
      delete: {
        operationId: "deleteTopology",
        summary: "Delete the topology: every version, at once",
        parameters: [path("ref", "The topology's id (no `@version`).")],
        security: BEARER,
        responses: {
          "200": {
            description: "Deleted; `versions` says how many were removed",
            content: {
              "application/json": {
                schema: { type: "object", properties: { id: text, deleted: { type: "boolean" }, versions: { type: "integer" } } },
              },
            },
          },
          ...auth,
          "404": notFound,
          "503": d1,
        },
      },
    },
    "/v1/topologies/{id}/versions": {
      get: {
        operationId: "listTopologyVersions",
        summary: "The versions of a saved topology, oldest first, with their creation times",
        parameters: [ID],
        responses: {
          "200": {
            description: "Versions",
            content: {
              "application/json": {
                schema: { type: "object", properties: { id: text, versions: { type: "array", items: p.ref("SavedVersion") } } },
              },
            },
          },
          ...p.cached,
          "404": notFound,
          "503": d1,
        },
      },
    },
    "/v1/topologies/{id}/diff": {
      get: {
        operationId: "diffTopology",
        summary: "Which flows changed outcome or path between two versions (JSON, or Markdown for a status report)",
        parameters: [
          ID,
          query("from", "Older version; default: the one before `to`."),
          query("to", "Newer version; default: the latest."),
          query("profile", "Routing profile (o365info, microsoft); default: the newer version's own profile, else microsoft."),
          query("format", "json or md (or choose with Accept)."),
        ],
        responses: {
          "200": {
            description:
              "The changed flows: user, protocol, client, change (outcome, path, added, removed), before and " +
              "after (outcome, host, numbered hops)",
            content: { "application/json": { schema: { type: "object" } }, "text/markdown": { schema: text } },
          },
          ...p.cached,
          "400": p.problem("`from` or `to` is not a version number."),
          "404": notFound,
          "503": d1,
        },
      },
    },
    "/v1/t/{ref}/flow/{user}/{protocol}/{file}": {
      get: {
        operationId: "getSavedFlow",
        summary: "A flow of a saved topology, for embeds that follow the topology: `{client}.{svg|png|mmd|md|json}`",
        parameters: [
          REF,
          path("user", "User name from the topology."),
          path("protocol", "Protocol."),
          path("file", "`internal` or `external`, with the format as extension."),
          query("host", "Host name the client used (default: what namespaces and Autodiscover give it)."),
          ...p.hybridParams,
          ...p.optionParams,
        ],
        responses: { "200": { description: "The flow", content: p.flowContent }, ...p.cached, ...p.errors, "404": notFound, "503": d1 },
      },
    },
    "/v1/t/{ref}/{file}": {
      get: {
        operationId: "getSavedAudit",
        summary: "The audit of a saved topology: `audit.{md|csv|json}`",
        parameters: [REF, path("file", "`audit.md`, `audit.csv` or `audit.json`."), ...p.optionParams, ...p.scopeParams],
        responses: {
          "200": { description: "The audit", content: p.auditContent },
          ...p.cached,
          ...p.errors,
          "404": notFound,
          "413": p.auditTooLarge,
          "503": d1,
        },
      },
    },
  };
}

export const topologySchemas: Record<string, Schema> = {
  SavedVersion: {
    type: "object",
    required: ["id", "version", "created", "sha256"],
    properties: {
      id: text,
      version: { type: "integer", minimum: 1 },
      created: { ...text, format: "date-time" },
      sha256: { ...text, description: "SHA-256 of the stored topology JSON." },
      token: { ...text, description: "Only in the answer to POST: the write token for PUT and DELETE. Not retrievable later." },
      stored: { type: "boolean", description: "PUT: false when the body equalled the latest version." },
      links: { type: "object", additionalProperties: text },
    },
  },
  SavedTopology: {
    type: "object",
    required: ["id", "version", "created", "topology"],
    properties: {
      id: text,
      version: { type: "integer" },
      created: { ...text, format: "date-time" },
      sha256: text,
      topology: { $ref: "#/components/schemas/Topology" },
      links: { type: "object", additionalProperties: text },
    },
  },
};

export const bearerScheme = {
  bearerToken: { type: "http", scheme: "bearer", description: "The write token POST /v1/topologies returned (exft_...)." },
};
