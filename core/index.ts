/**
 * exflow's routing core: pure functions over plain data (no HTTP, no clock, no randomness).
 * One folder per stage, in the order data passes through them: presets (built-in data) -> parse
 * (text -> data) -> validate (data -> Topology/Scenario) -> model (indexed view, name resolution) ->
 * diagnose (whole-topology findings) -> route (Flow, numbered once) -> audit (every flow, diffs);
 * import turns an inventory into a topology. Files at this root are the kernel every stage shares
 * (types, options, limits). This file is the core's one public API, verbs and data types only
 * (wording helpers such as formatPath live in lib/):
 * the worker, the CLI and diagrams import only from here (test/architecture.test.ts checks it);
 * the playground's browser script imports the small zod-free part of it from core/browser.ts.
 */
export * from "./types.ts";
export * from "./options.ts";
export { DEFAULT_THEME, DEFAULT_VIEW } from "./defaults.ts";
export { buildModel, type Model } from "./model/index.ts";
export { parseDocument, type InputFormat } from "./parse/index.ts";
export { validateScenario, validateTopology, type FlowRequest } from "./validate/index.ts";
export { route } from "./route/index.ts";
export { RULES, RULES_BY_ID, type Rule } from "./route/rules.ts";
export { compile, compileText, type Compiled } from "./compile.ts";
export { cellCount, eachFlow, notApplicable, type FlowCell } from "./audit/each-flow.ts";
export { auditRequestJsonSchema, flowRequestJsonSchema, scenarioJsonSchema, topologyJsonSchema } from "./validate/schema.ts";
export { BACKGROUND_PATTERN } from "./validate/syntax.ts";
export { MAX_DOCUMENT_BYTES } from "./limits.ts";
export { CLIENT_APPS, SCENARIO_KINDS } from "./types-hybrid.ts";
export { importInventory, INVENTORY_FORMAT, type Imported, type ImportReport } from "./import/index.ts";
export { importedYaml, reportLines } from "./import/text.ts";
export { explain } from "./diagnose/codes.ts";
export { diffTopologies, type FlowState, type TopologyDiff } from "./audit/diff.ts";
export { printYaml } from "./parse/print-yaml.ts";
export { SKELETON_TOPOLOGY } from "./presets/skeleton.ts";
export { presets, type Preset, type PresetScenario } from "./presets/index.ts";
export {
  audit,
  auditRowCount,
  auditScope,
  OUTCOMES,
  type Audit,
  type AuditOptions,
  type AuditOutcome,
  type AuditRow,
} from "./audit/index.ts";
export { validateAuditRequest, userMatches, type AuditRequest } from "./validate/index.ts";
export {
  createObserver,
  observeLogs,
  LogFile,
  MAX_SKIPPED_LISTED,
  type Expected,
  type ObservedPath,
  type ObservedReport,
  type Observer,
  type Skipped,
  type Verdict,
} from "./observe/index.ts";
export { anonymizeReport, pseudonymsFor, type Pseudonyms } from "./observe/anonymize.ts";
export { overlayFor, type FlowOverlay, type StepObservation } from "./observe/overlay.ts";
export { observedFlows, type ObservedFlow } from "./observe/flows.ts";
