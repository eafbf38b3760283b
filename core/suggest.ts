/**
 * Wording helpers for issue messages: did-you-mean suggestions, "allowed: ..." lists, readable
 * paths (`topology.servers[2].version`) and safe quoting of user values. Pure string functions;
 * every message in parse.ts and validate.ts is built from these so they read the same.
 */
import { MAX_LISTED } from "./limits.ts";

/** Longest input we try to match; longer strings are not typos of a short name. */
const MAX_SUGGEST_INPUT = 64;
/** Longest user value quoted back in a message. */
const MAX_QUOTED = 60;

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent swaps), case-insensitive,
 * giving up (returning `max + 1`) as soon as the distance must exceed `max`.
 */
export function distance(a: string, b: string, max: number): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[t.length] ?? max + 1;
}

/**
 * The candidate the user most likely meant, or undefined. A case-only difference always
 * matches, then a unique candidate the input is the start of, then up to one edit per three
 * characters (at most 3). Ties go to the earlier candidate so the answer is stable.
 * @example didYouMean("verison", ["name", "version"]) // "version"
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  if (input.length === 0 || input.length > MAX_SUGGEST_INPUT) return undefined;
  const lower = input.toLowerCase();
  const exact = candidates.find((c) => c.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  // A unique candidate that starts with what was typed ("o365" -> "o365info").
  const starts = input.length >= 3 ? candidates.filter((c) => c.toLowerCase().startsWith(lower)) : [];
  if (starts.length === 1) return starts[0];
  const max = Math.min(3, Math.max(1, Math.floor(input.length / 3)));
  let best: string | undefined;
  let bestD = max + 1;
  for (const c of candidates) {
    const d = distance(input, c, Math.min(max, bestD - 1));
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/** `; did you mean "x"?` or an empty string. */
export function hint(input: string, candidates: readonly string[]): string {
  const m = didYouMean(input, candidates);
  return m === undefined ? "" : `; did you mean ${quote(m)}?`;
}

/**
 * The end of a "not one of these" message: `; did you mean "x"? Allowed: a, b` or `; allowed: a, b`.
 * @example choices("verison", ["name", "version"]) // '; did you mean "version"? Allowed: name, version'
 */
export function choices(input: unknown, candidates: readonly string[], label = "allowed", max = MAX_LISTED): string {
  const m = typeof input === "string" ? didYouMean(input, candidates) : undefined;
  const list = `${label}: ${listAllowed(candidates, max)}`;
  return m === undefined ? `; ${list}` : `; did you mean ${quote(m)}? ${list[0]?.toUpperCase()}${list.slice(1)}`;
}

/** "a, b, c" — or the first `max` and "and N more". */
export function listAllowed(values: readonly (string | number)[], max = MAX_LISTED): string {
  if (values.length === 0) return "(none)";
  const shown = values.slice(0, max).map(String).join(", ");
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}

const IDENT = /^[A-Za-z_$][\w$-]*$/;

/**
 * A path as a reader writes it.
 * @example formatPath(["topology", "servers", 2, "urls", "mapi-http"]) // "topology.servers[2].urls.mapi-http"
 */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else if (IDENT.test(p)) out += out === "" ? p : `.${p}`;
    else out += `[${quote(p)}]`;
  }
  return out === "" ? "(document)" : out;
}

/** A user value quoted for a message: JSON-escaped (control characters, lone surrogates) and cut short. */
export function quote(value: unknown): string {
  if (typeof value === "string") {
    let s = value.length > MAX_QUOTED ? value.slice(0, MAX_QUOTED) : value;
    // Do not cut a surrogate pair in half.
    if (s.length < value.length && /[\uD800-\uDBFF]$/.test(s)) s = s.slice(0, -1);
    return JSON.stringify(s).slice(0, -1) + (s.length < value.length ? '..."' : '"');
  }
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  return describe(value);
}

/** "a string", "an array", ... for "expected X, got Y" messages. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `a string (${quote(value)})`;
  if (typeof value === "number") return `a number (${value})`;
  if (typeof value === "boolean") return `a boolean (${value})`;
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}
