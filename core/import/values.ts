/**
 * Tolerant readers for what ConvertTo-Json really emits (exchange-inventory.md section 2.2): a value
 * may be missing or null, a single value where a list is expected (PowerShell unrolls one-element
 * arrays), wrapped as `{ value: ... }` by an extended-type member, a Uri or ADObjectId as an object,
 * an enum as a number, or cut down to its type name ("System.Uri") when it lay deeper than -Depth.
 * Each reader returns the value it could read, or undefined after recording why in the report.
 */
import { describe, quote } from "../../lib/suggest.ts";
import type { Path, Recorder } from "./report.ts";

/** ToString of an object ConvertTo-Json cut off at -Depth: "System.Uri", "Microsoft.Exchange.Data.Directory.ADObjectId", "@{Name=...}". */
const TYPE_NAME = /^(?:Deserialized\.)?(?:System|Microsoft)\.[A-Za-z0-9_.]+(?:`\d+)?(?:\[.*\])?$/s;
const HASHTABLE = /^@\{.*\}$/s;

import { isObject } from "../../lib/plain.ts";

export { isObject };

export function isTruncated(s: string): boolean {
  const t = s.trim();
  return TYPE_NAME.test(t) || HASHTABLE.test(t);
}

const last = (path: Path): string => String(path.filter((p) => typeof p === "string").at(-1) ?? "value");

/** Own property by name, case-insensitively (PowerShell property names are; `Name` and `name` both occur). */
export function prop(o: Record<string, unknown>, key: string): { value: unknown; key: string } | undefined {
  if (Object.hasOwn(o, key)) return { value: o[key], key };
  const lower = key.toLowerCase();
  const k = Object.keys(o).find((x) => x.toLowerCase() === lower);
  return k === undefined ? undefined : { value: o[k], key: k };
}

/** The inner value of an object that stands for a scalar, and the key it was under. */
function unwrap(o: Record<string, unknown>): { value: unknown; key: string } | undefined {
  for (const key of ["value", "AbsoluteUri", "OriginalString", "Name", "HostnameString", "ToString"]) {
    const p = prop(o, key);
    if (p !== undefined && p.value !== null && p.value !== undefined) return p;
  }
  return undefined;
}

const TRUNCATED_HINT =
  "the value was cut down to its type name by ConvertTo-Json -Depth; re-run " +
  "Collect-ExflowInventory.ps1 (it writes every value as text), or add it to the topology by hand";

/**
 * Text, or undefined (missing, null, empty, or unreadable: then a problem is recorded).
 * Numbers and booleans are read as their text, and that is reported as a guess.
 */
export function text(v: unknown, path: Path, rec: Recorder, depth = 0): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string") {
    const t = v.trim();
    if (t === "") return undefined;
    if (isTruncated(t)) {
      rec.problem("TRUNCATED", path, `${quote(t)} is a type name, not a value: ${TRUNCATED_HINT}`);
      return undefined;
    }
    return t;
  }
  if (typeof v === "number" || typeof v === "boolean") {
    rec.guess("RETYPED", path, last(path), `expected text, got ${describe(v)}; read it as ${quote(String(v))}`);
    return String(v);
  }
  if (depth > 4) {
    rec.problem("SHAPE", path, `nested too deeply to read as text; expected a string`);
    return undefined;
  }
  if (Array.isArray(v)) {
    const items = v.filter((x) => x !== null && x !== undefined);
    if (items.length === 0) return undefined;
    if (items.length > 1) rec.guess("FIRST_OF_LIST", path, last(path), `expected one value, got a list of ${items.length}; used the first`);
    return text(items[0], [...path, v.indexOf(items[0])], rec, depth + 1);
  }
  if (isObject(v)) {
    const inner = unwrap(v);
    if (inner !== undefined) return text(inner.value, [...path, inner.key], rec, depth + 1);
    rec.problem(
      "SHAPE",
      path,
      `expected text, got an object with ${
        Object.keys(v)
          .slice(0, 5)
          .map((k) => quote(k))
          .join(", ") || "no fields"
      }; re-run Collect-ExflowInventory.ps1, which writes it as text`,
    );
    return undefined;
  }
  return undefined;
}

export interface Item {
  value: unknown;
  path: Path;
}

/**
 * A list: missing or null is empty, a single value is a list of one, and with `split` a string
 * such as "Basic, Fba" (an enum list turned into text) is split on commas.
 */
export function list(v: unknown, path: Path, rec: Recorder, split = false): Item[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v))
    return v.map((value, i) => ({ value, path: [...path, i] })).filter((x) => x.value !== null && x.value !== undefined);
  if (typeof v === "string") {
    if (isTruncated(v)) {
      rec.problem("TRUNCATED", path, `${quote(v.trim())} is a type name, not a list: ${TRUNCATED_HINT}`);
      return [];
    }
    if (split)
      return v
        .split(/[,;]/)
        .map((s) => s.trim())
        .filter((s) => s !== "")
        .map((value) => ({ value, path }));
    return v.trim() === "" ? [] : [{ value: v, path }];
  }
  if (isObject(v)) {
    const inner = prop(v, "value");
    if (inner !== undefined) return list(inner.value, [...path, inner.key], rec, split);
  }
  return [{ value: v, path }];
}

/** true/false, "True"/"False", 1/0; anything else is a problem. */
export function bool(v: unknown, path: Path, rec: Recorder): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "boolean") return v;
  if (typeof v === "string" && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === "true";
  if (v === 0 || v === 1) return v === 1;
  if (isObject(v)) {
    const inner = prop(v, "value");
    if (inner !== undefined) return bool(inner.value, [...path, inner.key], rec);
  }
  rec.problem("TYPE", path, `expected true or false, got ${describe(v)}; left out`);
  return undefined;
}

/** An enum value as its name: names pass (trimmed), numbers go through `names`, unknown numbers are problems. */
export function enumName(v: unknown, path: Path, rec: Recorder, names: Readonly<Record<number, string>>, what: string): string | undefined {
  if (typeof v === "number") {
    const n = names[v];
    if (n === undefined) {
      rec.problem(
        "ENUM_NUMBER",
        path,
        [
          `${what} ${v} is a number exflow cannot name (ConvertTo-Json writes enums as numbers); re-run`,
          "Collect-ExflowInventory.ps1, which writes names, or add the value by hand",
        ].join(" "),
      );
      return undefined;
    }
    rec.map("ENUM_NUMBER", path, `${what} ${v} read as ${quote(n)}`);
    return n;
  }
  return text(v, path, rec);
}

export { quote };
