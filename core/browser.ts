/**
 * The core's second entry point, for the playground's browser script: the parser (the same one
 * the API runs, so the page knows users and host names as you type), path formatting, the YAML
 * printer and the custom-topology skeleton. None of these reaches zod, the rules or the presets,
 * which keeps the page's script small (test/playground/page.test.ts checks what it bundles). The
 * observed-flows reader and comparison are here too; the designed flows they need come from the API.
 */
export { parseDocument, type InputFormat } from "./parse/index.ts";
export { printYaml } from "./parse/print-yaml.ts";
export { SKELETON_TOPOLOGY } from "./presets/skeleton.ts";
export type { Issue, Topology } from "./types.ts";
// Observed flows: the HttpProxy reader and the comparison run in the page (the logs never leave it);
// the designed flows they compare with come from the API (report.ts takes them from a source).
export {
  createObserverWith,
  type DesignRequest,
  type FlowSource,
  type ObservedPath,
  type ObservedReport,
} from "./observe/report.ts";
export { anonymizeReport } from "./observe/anonymize.ts";
export { overlayFor, type FlowOverlay } from "./observe/overlay.ts";
export type { Flow } from "./types.ts";
