/**
 * The OpenAPI 3.1 document, assembled by hand around the JSON Schemas the core derives from the
 * zod schemas that validate requests (so the published contract cannot drift from the checks).
 * In: the server origin. Out: a plain object (served as /openapi.json).
 */
import { PROFILES, PROTOCOLS } from "../core/index.ts";
import { BACKGROUND_HELP, flowRequestJsonSchema, scenarioJsonSchema, THEME_NAMES, topologyJsonSchema, VIEW_NAMES } from "../core/index.ts";
import { MAX_BODY_BYTES, MAX_INFLATED_BYTES, MAX_URL_CHARS } from "./limits.ts";
import { bearerScheme, topologyPaths, topologySchemas } from "./topologies/openapi.ts";
import { NAME, VERSION } from "./version.ts";

type Schema = Record<string, unknown>;

/** A component schema: the JSON Schema minus its `$schema` (the document's dialect is 2020-12 already). */
function component(s: Schema): Schema {
  const { $schema: _dialect, ...rest } = s;
  return rest;
}

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const text = { type: "string" };
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") }, "image/svg+xml": { schema: { ...text, description: "An SVG error card, when the client asked for an image." } } },
});

const query = (name: string, description: string, values?: readonly string[]) => ({
  name, in: "query", required: false, description, schema: values ? { type: "string", enum: [...values] } : text,
});

const OPTION_PARAMS = [
  query("profile", "Routing profile; a value in the body's `options` wins over this.", PROFILES),
  query("theme", "Diagram theme; a value in the body's `options` wins over this.", THEME_NAMES),
  query("background", `Diagram background: ${BACKGROUND_HELP}; the body's \`options\` win.`),
  query("view", "Diagram view: `sequence` (numbered messages over time) or `map` (servers by site with numbered arrows) for svg and mmd; md keeps the numbered steps and puts the chosen view in its ```mermaid fence.", VIEW_NAMES),
];

const FLOW_CONTENT = {
  "application/json": { schema: ref("FlowResponse") },
  "image/svg+xml": { schema: text },
  "text/vnd.mermaid": { schema: { ...text, description: "Mermaid sequenceDiagram text (also served as text/plain when Accept asks for it)." } },
  "text/markdown": { schema: text },
};

const AUDIT_CONTENT = {
  "application/json": { schema: { type: "object", description: "The audit: rows (user x protocol x client), diagnostics, names, summary." } },
  "text/markdown": { schema: text },
  "text/csv": { schema: text },
};

const ERRORS = {
  "400": problem("Unreadable request: not JSON/YAML, bad base64url or deflate."),
  "406": problem("Unknown format (`?format=`, path or extension) or an Accept header naming none of the offered types."),
  "422": problem("Invalid topology, scenario or options; `errors` lists every issue with its path."),
};
const CACHED = { "304": { description: "Not modified (If-None-Match matched the ETag)." } };

export function openApiDocument(origin: string): Schema {
  return {
    openapi: "3.1.0",
    info: {
      title: NAME,
      version: VERSION,
      description:
        "Exchange client-connectivity flows (proxy / redirect, numbered hops) from a topology and a scenario, as JSON, Mermaid, SVG and Markdown. " +
        `Limits: request body ${MAX_BODY_BYTES} bytes, URL ${MAX_URL_CHARS} characters, encoded request ${MAX_INFLATED_BYTES} bytes once inflated.`,
    },
    servers: [{ url: origin }],
    paths: {
      "/healthz": { get: { summary: "Name and version", responses: { "200": { description: "OK", content: { "application/json": { schema: { type: "object", properties: { name: text, version: text } } } } } } } },
      "/v1/flow": {
        post: {
          summary: "Trace one client request through a topology",
          description: "Body: JSON or YAML (`text/plain` is sniffed). Response format from `?format=` or `Accept`; JSON by default.",
          parameters: [query("format", "Response format.", ["json", "svg", "mmd", "md"]), ...OPTION_PARAMS],
          requestBody: { required: true, content: { "application/json": { schema: ref("FlowRequest") }, "application/yaml": { schema: ref("FlowRequest") } } },
          responses: { "200": { description: "The flow", headers: { ETag: { schema: text } }, content: FLOW_CONTENT }, ...ERRORS, "413": problem("Body over the limit."), "415": problem("Unsupported Content-Type.") },
        },
      },
      "/v1/flow/{format}/{encoded}": {
        get: {
          summary: "The same request, encoded in the URL (for <img> embeds)",
          description: "`encoded` = base64url(zlib deflate(UTF-8 JSON or YAML of a FlowRequest)), padding optional, as Kroki encodes. Cached for a year (immutable).",
          parameters: [
            { name: "format", in: "path", required: true, schema: { type: "string", enum: ["json", "svg", "mmd", "md"] } },
            { name: "encoded", in: "path", required: true, schema: text },
            ...OPTION_PARAMS,
          ],
          responses: { "200": { description: "The flow", content: FLOW_CONTENT }, ...CACHED, ...ERRORS, "413": problem("Inflates to more than the limit."), "414": problem("URL over the limit: use POST /v1/flow.") },
        },
      },
      "/v1/presets": { get: { summary: "Built-in topologies with their named scenarios and links", responses: { "200": { description: "Preset list", content: { "application/json": { schema: { type: "object" } } } }, ...CACHED } } },
      "/v1/presets/{id}": {
        get: {
          summary: "One built-in topology and its scenarios",
          parameters: [{ name: "id", in: "path", required: true, schema: text }],
          responses: { "200": { description: "Preset", content: { "application/json": { schema: { type: "object", properties: { topology: ref("Topology") } } } } }, ...CACHED, "404": problem("No such preset (lists the ids).") },
        },
      },
      "/v1/presets/{id}/{file}": {
        get: {
          summary: "A preset scenario's flow (`{scenario}.{svg|mmd|md|json}`) or the preset's audit (`audit.{json|md|csv}`)",
          parameters: [{ name: "id", in: "path", required: true, schema: text }, { name: "file", in: "path", required: true, schema: text }, ...OPTION_PARAMS],
          responses: { "200": { description: "Flow or audit", content: { ...FLOW_CONTENT, ...AUDIT_CONTENT } }, ...CACHED, "404": problem("No such preset or scenario (lists the valid names)."), ...ERRORS },
        },
      },
      "/v1/audit": {
        post: {
          summary: "Audit a topology: every user x protocol x client location, diagnostics, DNS and certificate names",
          parameters: [query("format", "Response format.", ["json", "md", "csv"]), query("profile", "Routing profile; the body's `options` win.", PROFILES)],
          requestBody: { required: true, content: { "application/json": { schema: ref("AuditRequest") }, "application/yaml": { schema: ref("AuditRequest") } } },
          responses: { "200": { description: "The audit", content: AUDIT_CONTENT }, ...ERRORS, "413": problem("Body over the limit."), "415": problem("Unsupported Content-Type.") },
        },
      },
      ...topologyPaths({ problem, ref, optionParams: OPTION_PARAMS, flowContent: FLOW_CONTENT, auditContent: AUDIT_CONTENT, cached: CACHED, errors: ERRORS }),
      "/openapi.json": { get: { summary: "This document", responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } } } } },
    },
    components: {
      securitySchemes: bearerScheme,
      schemas: {
        ...topologySchemas,
        FlowRequest: component(flowRequestJsonSchema()),
        Topology: component(topologyJsonSchema()),
        Scenario: component(scenarioJsonSchema()),
        AuditRequest: {
          description: "A topology (or the id of a built-in one) and the routing profile.",
          anyOf: [
            { type: "object", required: ["topology"], properties: { topology: ref("Topology"), options: { type: "object", properties: { profile: { enum: [...PROFILES] } } } }, additionalProperties: false },
            { type: "object", required: ["preset"], properties: { preset: text, options: { type: "object", properties: { profile: { enum: [...PROFILES] } } } }, additionalProperties: false },
          ],
        },
        FlowResponse: {
          type: "object",
          required: ["flow", "links"],
          properties: {
            flow: { type: "object", description: `The numbered flow: outcome, scenario (defaults filled in), participants, steps (n, from, to, kind, url, text, rule), notes, diagnostics. Protocols: ${PROTOCOLS.join(", ")}.` },
            links: {
              type: "object",
              description: "Absolute GET URLs of this request per format (left out when longer than the URL limit), the same for the map view, and a Mermaid Live Editor link.",
              properties: { svg: text, mmd: text, md: text, json: text, mermaidLive: text, map: { type: "object", properties: { svg: text, mmd: text } } },
            },
          },
        },
        Issue: { type: "object", required: ["code", "message", "path"], properties: { code: text, message: text, path: { type: "array", items: { type: ["string", "integer"] } } } },
        Problem: {
          type: "object",
          description: "RFC 9457 problem details.",
          required: ["type", "title", "status", "detail"],
          properties: {
            type: { ...text, description: "urn:exflow:problem:<slug>" },
            title: text,
            status: { type: "integer" },
            detail: text,
            instance: text,
            errors: { type: "array", items: ref("Issue") },
            allowed: { type: "array", items: text },
            requestId: text,
          },
        },
      },
    },
  };
}
