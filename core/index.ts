/**
 * exflow's routing core: pure functions over plain data (no HTTP, no clock, no randomness).
 * parse -> validate -> route (numbered Flow) -> audit. This file is the core's one public API:
 * the worker, the CLI and diagrams import only from here (test/architecture.test.ts checks it);
 * the playground's browser script imports the small zod-free part of it from core/browser.ts.
 */
export * from "./types.ts";
export * from "./options.ts";
export { DEFAULT_THEME, DEFAULT_VIEW } from "./defaults.ts";
export { buildModel, type Model } from "./model.ts";
export { parseDocument, type InputFormat } from "./parse.ts";
export { validateScenario, validateTopology, type FlowRequest } from "./validate.ts";
export { route } from "./route.ts";
export { RULES, RULES_BY_ID, type Rule } from "./rules.ts";
export { compile, compileText, type Compiled } from "./compile.ts";
export { cellCount, eachFlow, notApplicable, type FlowCell } from "./each-flow.ts";
export { auditRequestJsonSchema, flowRequestJsonSchema, scenarioJsonSchema, topologyJsonSchema } from "./schema.ts";
export { BACKGROUND_PATTERN } from "./syntax.ts";
export { MAX_DOCUMENT_BYTES } from "./limits.ts";
export { CLIENT_APPS, SCENARIO_KINDS } from "./hybrid/types.ts";
export { importInventory, INVENTORY_FORMAT, type Imported, type ImportReport } from "./import/index.ts";
export { importedYaml, reportLines } from "./import/text.ts";
export { formatPath, hint, listAllowed, quote } from "./suggest.ts";
export { explain } from "./codes.ts";
export { diffTopologies, type FlowState, type TopologyDiff } from "./diff.ts";
export { isObject } from "./plain.ts";
export { printYaml } from "./print-yaml.ts";
export { SKELETON_TOPOLOGY } from "./skeleton.ts";
export { presets, type Preset, type PresetScenario } from "./presets/index.ts";
export { audit, auditRowCount, auditScope, OUTCOMES, type Audit, type AuditOptions, type AuditOutcome, type AuditRow } from "./audit.ts";
export { validateAuditRequest, userMatches, type AuditRequest } from "./validate.ts";
