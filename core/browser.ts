/**
 * The core's second entry point, for the playground's browser script: the parser (the same one
 * the API runs, so the page knows users and host names as you type), path formatting, the YAML
 * printer and the custom-topology skeleton. None of these reaches zod, the rules or the presets,
 * which keeps the page's script small (test/playground/page.test.ts checks what it bundles).
 */
export { parseDocument, type InputFormat } from "./parse/index.ts";
export { printYaml } from "./parse/print-yaml.ts";
export { SKELETON_TOPOLOGY } from "./presets/skeleton.ts";
export type { Issue, Topology } from "./types.ts";
