/**
 * The page's request documents (no DOM access; test/playground/page.test.ts runs them in Node
 * against the core's parser):
 * - `wrapDoc(text, extra, presetId)`: editor text + { scenario?, options } -> the body to POST.
 *   An unedited preset goes as `{ preset }`; edited text goes as written, wrapped textually so
 *   the core's "line N, column M" still points into the editor (the topology starts on line 2;
 *   YAML is indented by two columns).
 * - `unwrapDoc(text)`: the inverse, for a link's `#r=` (also accepts the API's own JSON documents).
 * - `editorPosition(message, mode, lineCount)`: a wrapped position back to the editor's.
 * The `#r=` encoding itself is the API's (worker/codec.ts).
 */

export type Mode = "preset" | "json" | "yaml";

export interface Wrapped {
  type: "application/json" | "application/yaml";
  text: string;
  mode: Mode;
}

export interface Extra {
  scenario?: Record<string, string>;
  options: Record<string, string | number>;
}

export const isJsonText = (text: string): boolean => text.trimStart().charAt(0) === "{";

export function wrapDoc(text: string, extra: Extra, presetId: string | null): Wrapped | null {
  if (presetId) return { type: "application/json", text: JSON.stringify({ preset: presetId, ...extra }), mode: "preset" };
  if (text.trim() === "") return null;
  if (isJsonText(text)) {
    return { type: "application/json", text: `{"topology":\n${text.trimEnd()}\n,${JSON.stringify(extra).slice(1)}`, mode: "json" };
  }
  const lines = text.trimEnd().split("\n");
  if (/^---\s*$/.test(lines[0] ?? "")) lines[0] = "";
  const body = lines.map((l) => (l.trim() === "" ? "" : `  ${l}`)).join("\n");
  const tail = Object.entries(extra)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join("\n");
  return { type: "application/yaml", text: `topology:\n${body}\n${tail}\n`, mode: "yaml" };
}

export interface Unwrapped {
  /** The editor text as written, or null when only the parsed document is known. */
  text: string | null;
  doc: { topology?: unknown; preset?: string; scenario?: Record<string, string>; options?: Record<string, string> };
}

export function unwrapDoc(text: string): Unwrapped {
  const lines = text.split("\n");
  if (lines[0] === '{"topology":' && lines.length >= 3) {
    return { text: `${lines.slice(1, -1).join("\n")}\n`, doc: JSON.parse(text) };
  }
  if (lines[0] === "topology:") {
    while (lines.length && lines[lines.length - 1] === "") lines.pop();
    const tail: Record<string, Record<string, string>> = {};
    while (lines.length > 1 && /^(scenario|options): \{/.test(lines[lines.length - 1] ?? "")) {
      const line = lines.pop() ?? "";
      const at = line.indexOf(": ");
      tail[line.slice(0, at)] = JSON.parse(line.slice(at + 2));
    }
    const body = `${lines
      .slice(1)
      .map((l) => (l.startsWith("  ") ? l.slice(2) : l))
      .join("\n")}\n`;
    return { text: body, doc: { topology: null, ...tail } };
  }
  return { text: null, doc: JSON.parse(text) };
}

export function editorPosition(message: string, mode: Mode, lineCount: number): string {
  if (mode !== "json" && mode !== "yaml") return message;
  return message.replace(/line (\d+), column (\d+)/, (_, line: string, col: string) => {
    const l = Math.min(Math.max(Number(line) - 1, 1), lineCount);
    const c = mode === "yaml" ? Math.max(Number(col) - 2, 1) : Number(col);
    return `line ${l}, column ${c}`;
  });
}
