/**
 * The OpenAPI 3.1 document, assembled around the JSON Schemas the core derives from the zod schemas
 * that validate requests (so the published contract cannot drift from the checks). Shared responses
 * and parameters live in openapi-parts.ts; test/contract/ sends generated requests through the worker
 * and checks every answer against this document.
 * In: the server origin. Out: a plain object (served as /openapi.json).
 */
import { AUDIT_FORMATS, CLIENT_APPS, FLOW_FORMATS, PROTOCOLS, presets, SCENARIO_KINDS } from "../core/index.ts";
import { MAX_AUDIT_ROWS, MAX_BODY_BYTES, MAX_INFLATED_BYTES, MAX_URL_CHARS } from "./limits.ts";
import {
  AUDIT_CONTENT,
  BODY_ERRORS,
  CACHED,
  ERRORS,
  FLOW_CONTENT,
  NOT_MODIFIED,
  ok,
  OPTION_PARAMS,
  problem,
  SCOPE_PARAMS,
  query,
  ref,
  text,
  withCommonResponses,
  type Schema,
} from "./openapi-parts.ts";
import { bearerScheme, topologyPaths, topologySchemas } from "./topologies/openapi.ts";
import { PRESET_IDS, SCHEMAS } from "./openapi-schemas.ts";
import { NAME, VERSION } from "./version.ts";

const SCENARIO_NAMES = [...new Set(Object.values(presets).flatMap((p) => Object.keys(p.scenarios)))].sort();
const alternatives = (xs: readonly string[]): string => xs.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
/** `audit[.json|md|csv]` or `{scenario}[.svg|png|mmd|md|json]`, the file segment of a preset URL. */
const AUDIT_FILE = `audit(?:\\.(?:${AUDIT_FORMATS.join("|")}))?`;
const SCENARIO_FILE = `(?:${alternatives(SCENARIO_NAMES)})(?:\\.(?:${FLOW_FORMATS.join("|")}))?`;

const JSON_ONLY = (schema: Schema) => ({ "application/json": { schema } });
const AUDIT_TOO_LARGE = problem(
  [
    `Audit over ${MAX_AUDIT_ROWS} rows (users x protocols x 2), or body over the limit: narrow it`,
    `with \`users\` / \`protocols\`, or run the CLI.`,
  ].join(" "),
);
/** The hybrid scenario fields in the query (saved-topology flow URLs take these too). */
const HYBRID_SCENARIO_PARAMS = [
  query("kind", "What is traced (default client).", SCENARIO_KINDS),
  query("target", "free-busy: the user whose calendar is asked for; smtp: the recipient."),
  query("app", "Client application.", CLIENT_APPS),
];
/** The scenario in the query, for a body that is a bare topology file (the body's `scenario` wins). */
const SCENARIO_PARAMS = [
  query("user", "Scenario user, when the body has no `scenario` (e.g. a bare topology file)."),
  query("protocol", "Scenario protocol.", PROTOCOLS),
  query("client", "Scenario client location.", ["internal", "external"]),
  query("host", "Host name the client uses."),
  ...HYBRID_SCENARIO_PARAMS,
];

export function openApiDocument(origin: string): Schema {
  return {
    openapi: "3.1.0",
    info: {
      title: NAME,
      version: VERSION,
      description:
        "Exchange client-connectivity flows (proxy / redirect, numbered hops) from a topology and a " +
        "scenario, as JSON, Mermaid, SVG and Markdown. " +
        [
          `Limits: request body ${MAX_BODY_BYTES} bytes, URL ${MAX_URL_CHARS} characters, encoded request`,
          `${MAX_INFLATED_BYTES} bytes once inflated, audit ${MAX_AUDIT_ROWS} rows. `,
        ].join(" ") +
        "Empty query values (`?profile=`) are the same as leaving the parameter out, on every route.",
    },
    servers: [{ url: origin }],
    paths: withCommonResponses({
      "/healthz": {
        get: {
          operationId: "health",
          summary: "Name and version",
          responses: {
            "200": {
              description: "OK",
              headers: {},
              content: JSON_ONLY({ type: "object", required: ["name", "version"], properties: { name: text, version: text } }),
            },
          },
        },
      },
      "/v1/flow": {
        post: {
          operationId: "postFlow",
          summary: "Trace one client request through a topology",
          description:
            "Body: JSON or YAML (`text/plain` is sniffed): a FlowRequest, or a bare topology file " +
            "(`sites`/`servers` at the top, as `exflow presets <id>` prints it) with the scenario in the " +
            "query. Response format from `?format=` or `Accept`; JSON by default.",
          parameters: [query("format", "Response format.", FLOW_FORMATS), ...SCENARIO_PARAMS, ...OPTION_PARAMS],
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref("FlowRequest") }, "application/yaml": { schema: ref("FlowRequest") } },
          },
          responses: { "200": ok("The flow", FLOW_CONTENT), ...ERRORS, ...BODY_ERRORS },
        },
      },
      "/v1/flow/{format}/{encoded}": {
        get: {
          operationId: "getEncodedFlow",
          summary: "The same request, encoded in the URL (for <img> embeds)",
          description:
            "`encoded` = base64url(zlib deflate(UTF-8 JSON or YAML of a FlowRequest)), padding optional, as " +
            "Kroki encodes. Cached for a year (immutable).",
          parameters: [
            { name: "format", in: "path", required: true, schema: { type: "string", enum: FLOW_FORMATS } },
            { name: "encoded", in: "path", required: true, schema: { type: "string", minLength: 1, pattern: "^[A-Za-z0-9_+/-]+={0,2}$" } },
            ...SCENARIO_PARAMS,
            ...OPTION_PARAMS,
          ],
          responses: {
            "200": ok("The flow", FLOW_CONTENT),
            ...NOT_MODIFIED,
            ...ERRORS,
            "413": problem("Inflates to more than the limit."),
          },
        },
      },
      "/v1/presets": {
        get: {
          operationId: "listPresets",
          summary: "Built-in topologies with their named scenarios and links",
          responses: { "200": ok("Preset list", JSON_ONLY(ref("PresetList"))), ...CACHED },
        },
      },
      "/v1/presets/{id}": {
        get: {
          operationId: "getPreset",
          summary: "One built-in topology and its scenarios",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", enum: PRESET_IDS } }],
          responses: { "200": ok("Preset", JSON_ONLY(ref("Preset"))), ...NOT_MODIFIED, "404": problem("No such preset (lists the ids).") },
        },
      },
      "/v1/presets/{id}/{file}": {
        get: {
          operationId: "getPresetFile",
          summary: "A preset scenario's flow (`{scenario}.{svg|png|mmd|md|json}`) or the preset's audit (`audit.{json|md|csv}`)",
          description:
            "Without an extension the format is negotiated. The scenario names are those of the preset (`GET /v1/presets/{id}`).",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string", enum: PRESET_IDS } },
            {
              name: "file",
              in: "path",
              required: true,
              schema: {
                type: "string",
                pattern: `^(?:${AUDIT_FILE}|${SCENARIO_FILE})$`,
              },
            },
            ...OPTION_PARAMS,
            ...SCOPE_PARAMS,
          ],
          responses: {
            // Both answer JSON: a scenario's flow, or the audit for audit.json.
            "200": ok("Flow or audit", {
              ...FLOW_CONTENT,
              ...AUDIT_CONTENT,
              "application/json": { schema: { anyOf: [ref("FlowResponse"), ref("Audit")] } },
            }),
            ...NOT_MODIFIED,
            "404": problem("No such preset, or no such scenario in this preset (lists the valid names)."),
            "406": ERRORS["406"],
            "422": ERRORS["422"],
          },
        },
      },
      "/v1/audit": {
        post: {
          operationId: "postAudit",
          summary: "Audit a topology: every user x protocol x client location, diagnostics, DNS and certificate names",
          description: "Body: `{ topology | preset, options? }`, or a bare topology file as `exflow presets <id>` prints it.",
          parameters: [query("format", "Response format.", AUDIT_FORMATS), ...OPTION_PARAMS, ...SCOPE_PARAMS],
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref("AuditRequest") }, "application/yaml": { schema: ref("AuditRequest") } },
          },
          responses: { "200": ok("The audit", AUDIT_CONTENT), ...ERRORS, ...BODY_ERRORS, "413": AUDIT_TOO_LARGE },
        },
      },
      "/v1/import": {
        post: {
          operationId: "postImport",
          summary: "Import an Exchange inventory (collect/Collect-ExflowInventory.ps1) as a topology, with the import report",
          description:
            "Body: the inventory JSON as the script wrote it (UTF-8 or UTF-16, with or without a BOM; up to 1 " +
            "MiB). JSON answer: `{ topology, report, valid }`; the report lists what was mapped, guessed " +
            "(with the property each guess came from), dropped and unreadable, the collector's errors, the " +
            "derived namespaces for review and the diagnostics of the topology. `?format=yaml` (or `Accept: " +
            "application/yaml`): the topology as YAML with the report as comments. Never stored.",
          parameters: [query("format", "Response format.", ["json", "yaml"])],
          requestBody: { required: true, content: { "application/json": { schema: ref("Inventory") } } },
          responses: {
            "200": {
              description: "The imported topology and the report",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: ["topology", "report", "valid"],
                    properties: { topology: ref("Topology"), report: { type: "object" }, valid: { type: "boolean" } },
                  },
                },
                "application/yaml": { schema: text },
              },
            },
            "400": problem("Not JSON, or empty."),
            "406": problem("Unknown format."),
            "413": problem("Inventory over 1 MiB: use the CLI."),
            "422": problem(
              "JSON, but not an exflow inventory (a HealthChecker export, a topology) or a newer format " +
                "version; the detail names the expected format.",
            ),
          },
        },
      },
      ...topologyPaths({
        problem,
        ref,
        optionParams: OPTION_PARAMS,
        hybridParams: HYBRID_SCENARIO_PARAMS,
        scopeParams: SCOPE_PARAMS,
        auditTooLarge: AUDIT_TOO_LARGE,
        flowContent: FLOW_CONTENT,
        auditContent: AUDIT_CONTENT,
        cached: CACHED,
        errors: ERRORS,
      }),
      "/openapi.json": {
        get: {
          operationId: "openApi",
          summary: "This document",
          responses: {
            "200": ok(
              "OpenAPI 3.1",
              JSON_ONLY({ type: "object", required: ["openapi", "paths"], properties: { openapi: { const: "3.1.0" } } }),
            ),
            ...NOT_MODIFIED,
          },
        },
      },
    }),
    components: { securitySchemes: bearerScheme, schemas: { ...topologySchemas, ...SCHEMAS } },
  };
}
