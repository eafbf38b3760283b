/**
 * exflow's routing core: pure functions over plain data (no HTTP, no clock, no randomness).
 * parse -> validate -> route (numbered Flow) -> audit; the worker, the CLI and diagrams use only this.
 */
export * from "./types.ts";
export { buildModel, type Model } from "./model.ts";
export { parseDocument, type InputFormat } from "./parse.ts";
export { route } from "./route.ts";
export { RULES, RULES_BY_ID, type Rule } from "./rules.ts";
export { compile, compileText, type Compiled } from "./compile.ts";
export { presets, type Preset, type PresetScenario } from "./presets/index.ts";
export { audit, auditRowCount, auditScope, type Audit, type AuditOptions, type AuditRow } from "./audit.ts";
export { validateAuditRequest, userMatches, type AuditRequest } from "./validate.ts";
