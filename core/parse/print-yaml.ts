/**
 * A topology (any JSON value) as YAML, the way `exflow presets <id>` writes it and the playground's
 * editor shows it: block style, no line folding (a long URL stays on one line). The core's YAML
 * reader reads it back to the same value.
 */
import { stringify } from "yaml";

export function printYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0 });
}
