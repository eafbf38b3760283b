/**
 * The component schemas of the OpenAPI document (worker/openapi.ts): the request schemas the core
 * derives from its zod schemas, the inventory format, and the shapes of our answers (flows, audits,
 * presets, problems) that test/contract/ checks every response against.
 */
import inventorySchema from "../collect/exflow-inventory.schema.json" with { type: "json" };
import {
  AUDIT_FORMATS,
  auditRequestJsonSchema,
  FLOW_FORMATS,
  flowRequestJsonSchema,
  OUTCOMES,
  PROTOCOLS,
  presets,
  scenarioJsonSchema,
  topologyJsonSchema,
} from "../core/index.ts";
import { MAX_AUDIT_ROWS } from "./limits.ts";
import { ref, type Schema, text } from "./openapi-parts.ts";

/** A component schema: the JSON Schema minus its `$schema` (the document's dialect is 2020-12 already). */
function component(s: Schema): Schema {
  const { $schema: _dialect, ...rest } = s;
  return rest;
}

export const PRESET_IDS = Object.keys(presets);

const links = {
  type: "object",
  required: ["svg", "png", "mmd", "md", "json"],
  properties: Object.fromEntries(FLOW_FORMATS.map((f) => [f, { type: "string", pattern: "^https?://" }])),
};
const auditLinks = {
  type: "object",
  required: AUDIT_FORMATS,
  properties: Object.fromEntries(AUDIT_FORMATS.map((f) => [f, { type: "string", pattern: "^https?://" }])),
};
const presetLinks = {
  type: "object",
  required: ["self", "audit"],
  properties: { self: { type: "string", pattern: "^https?://" }, audit: auditLinks },
};
const strings = { type: "array", items: text };

export const SCHEMAS: Record<string, Schema> = {
  FlowRequest: component(flowRequestJsonSchema()),
  AuditRequest: component(auditRequestJsonSchema()),
  Topology: component(topologyJsonSchema()),
  Scenario: component(scenarioJsonSchema()),
  Inventory: component(Object.fromEntries(Object.entries(inventorySchema).filter(([k]) => k !== "$id"))),
  FlowResponse: {
    type: "object",
    required: ["flow", "links"],
    properties: {
      flow: {
        type: "object",
        description: "The numbered flow: outcome, scenario (defaults filled in), participants, steps, notes, diagnostics.",
        required: ["outcome", "scenario", "participants", "steps", "notes", "diagnostics"],
        properties: {
          outcome: { enum: [...OUTCOMES] },
          scenario: {
            type: "object",
            required: ["user", "protocol", "client", "profile"],
            properties: { protocol: { enum: [...PROTOCOLS] } },
          },
          participants: {
            type: "array",
            items: { type: "object", required: ["id", "label", "kind"], properties: { id: text, label: text, kind: text } },
          },
          steps: {
            type: "array",
            items: {
              type: "object",
              required: ["n", "from", "to", "kind", "text", "rule"],
              properties: { n: { type: ["integer", "null"] }, from: text, to: text, kind: text, url: text, text, rule: text },
            },
          },
          notes: { type: "array", items: { type: "object", required: ["kind", "text"] } },
          diagnostics: { type: "array", items: ref("Diagnostic") },
        },
      },
      links: {
        type: "object",
        description:
          "Absolute GET URLs of this request per format (left out when longer than the URL limit), the same " +
          "for the map view, and a Mermaid Live Editor link.",
        required: ["mermaidLive"],
        properties: {
          ...links.properties,
          mermaidLive: { type: "string", pattern: "^https://mermaid\\.live/edit#pako:[A-Za-z0-9_-]+$" },
          map: {
            type: "object",
            required: ["svg", "png", "mmd"],
            properties: {
              svg: { type: "string", pattern: "^https?://" },
              png: { type: "string", pattern: "^https?://" },
              mmd: { type: "string", pattern: "^https?://" },
            },
          },
        },
      },
    },
  },
  Diagnostic: {
    type: "object",
    required: ["code", "severity", "message", "path", "breaks"],
    properties: {
      code: text,
      severity: { enum: ["error", "warning", "info"] },
      message: text,
      path: { type: "array", items: { type: ["string", "integer"] } },
      breaks: strings,
    },
  },
  Audit: {
    type: "object",
    description:
      "Every user x protocol x client location (the scope, when one was asked for), the topology's " +
      "diagnostics, the DNS and certificate names, and counts.",
    required: ["topology", "profile", "rows", "diagnostics", "names", "summary"],
    properties: {
      topology: { type: ["string", "null"] },
      profile: { enum: ["o365info", "microsoft"] },
      scope: { type: "object", properties: { users: strings, protocols: { type: "array", items: { enum: [...PROTOCOLS] } } } },
      rows: {
        type: "array",
        maxItems: MAX_AUDIT_ROWS,
        items: {
          type: "object",
          required: ["user", "mailbox", "version", "site", "protocol", "client", "host", "outcome", "steps", "rules", "diagnostics"],
          properties: {
            user: text,
            mailbox: text,
            version: { type: ["integer", "string", "null"] },
            site: { type: ["string", "null"] },
            protocol: { enum: [...PROTOCOLS] },
            client: { enum: ["internal", "external"] },
            host: { type: ["string", "null"] },
            outcome: { enum: [...OUTCOMES] },
            steps: { type: "integer", minimum: 0 },
            rules: strings,
            diagnostics: strings,
            note: text,
          },
        },
      },
      diagnostics: { type: "array", items: ref("Diagnostic") },
      names: { type: "object" },
      summary: {
        type: "object",
        required: ["users", "rows", "flows", "notApplicable"],
        properties: {
          users: { type: "integer" },
          rows: { type: "integer" },
          flows: { type: "integer" },
          notApplicable: { type: "integer" },
        },
      },
    },
  },
  PresetSummary: {
    type: "object",
    required: ["id", "title", "description", "links", "scenarios"],
    properties: {
      id: { enum: PRESET_IDS },
      title: text,
      description: text,
      links: presetLinks,
      scenarios: {
        type: "array",
        items: { type: "object", required: ["name", "title", "links"], properties: { name: text, title: text, links } },
      },
    },
  },
  PresetList: { type: "object", required: ["presets"], properties: { presets: { type: "array", items: ref("PresetSummary") } } },
  Preset: {
    type: "object",
    required: ["id", "title", "description", "topology", "scenarios", "links"],
    properties: {
      id: { enum: PRESET_IDS },
      title: text,
      description: text,
      topology: ref("Topology"),
      links: presetLinks,
      scenarios: {
        type: "object",
        additionalProperties: {
          type: "object",
          required: ["title", "scenario", "links"],
          properties: { title: text, scenario: ref("Scenario"), links },
        },
      },
    },
  },
  Issue: {
    type: "object",
    required: ["code", "message", "path"],
    properties: { code: text, message: text, path: { type: "array", items: { type: ["string", "integer"] } } },
  },
  Problem: {
    type: "object",
    description: "RFC 9457 problem details.",
    required: ["type", "title", "status", "detail"],
    properties: {
      type: { type: "string", pattern: "^urn:exflow:problem:[a-z0-9-]+$" },
      title: text,
      status: { type: "integer", minimum: 400, maximum: 599 },
      detail: text,
      instance: text,
      errors: { type: "array", items: ref("Issue"), maxItems: 201 },
      allowed: strings,
      rows: { type: "integer", description: "audit-too-large: the rows the audit would have." },
      maxRows: { type: "integer", description: "audit-too-large: the limit." },
      requestId: text,
    },
  },
};
